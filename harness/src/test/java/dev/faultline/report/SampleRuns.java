package dev.faultline.report;

import dev.faultline.check.CheckResult;
import dev.faultline.check.CheckStatus;
import dev.faultline.experiment.Expectation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-built runs, one per kind of outcome a report must show. */
final class SampleRuns {

  static final Instant START = Instant.parse("2025-03-14T09:26:53.589Z");
  static final String XSS = "<script>alert(1)</script>\"'";

  private SampleRuns() {}

  static RunRecord passing(Path folder) {
    return builder(folder, "aggregator-deadline-under-latency").build();
  }

  static RunRecord failing(Path folder) {
    Builder run = builder(folder, "counter-lost-updates");
    run.verdict = Verdict.NOT_MET;
    run.verdictSentence =
        "Not met: counter-adds-up failed: 126 increments were lost under the slow-downstream fault.";
    run.checks =
        List.of(
            new CheckResult(
                "counter-adds-up",
                "counter-consistency",
                CheckStatus.FAILED,
                "final counter value against acknowledged increments",
                "value in [2000, 2004]",
                "value = 1874",
                List.of(
                    "lost 126 acknowledged increments: op-17, op-18, op-233, op-990 …",
                    "first lost op-17 acknowledged at +5.212 s, during slow-downstream",
                    "indeterminate: 4 (timed out after send)")),
            new CheckResult(
                "no-thread-leak",
                "no-thread-leak",
                CheckStatus.PASSED,
                "live threads after settle vs baseline",
                "≤ 42 threads after 5 s",
                "40 threads",
                List.of()));
    return run.build();
  }

  static RunRecord controlCaught(Path folder) {
    Builder run = builder(folder, "counter-control-unsynchronized");
    run.expect = Expectation.CAUGHT;
    run.caughtBy = List.of("counter-adds-up");
    run.verdict = Verdict.MET;
    run.verdictSentence = "Met: the control's bug was caught.";
    run.checks =
        List.of(
            new CheckResult(
                "counter-adds-up",
                "counter-consistency",
                CheckStatus.FAILED,
                "final value",
                "value in [2000, 2000]",
                "value = 1911",
                List.of("lost 89 increments")));
    return run.build();
  }

  /**
   * Every request answered 404 outside any fault; its one check held, its steady-state probe too,
   * and a warm-up and two findings were journalled.
   */
  static RunRecord inconclusive(Path folder) {
    Builder run = builder(folder, "orders-on-a-wrong-path");
    run.verdict = Verdict.INCONCLUSIVE;
    run.verdictSentence =
        "Inconclusive: the load did not exercise the service — step orders: only 0 of 10 requests outside fault windows were ok.";
    run.checks =
        List.of(
            new CheckResult(
                "no-deadlock",
                "no-deadlock",
                CheckStatus.PASSED,
                "deadlocked threads",
                "none",
                "none",
                List.of()),
            new CheckResult(
                "steady-state:healthy",
                "steady-state",
                CheckStatus.PASSED,
                "$.status",
                "equals UP",
                "UP",
                List.of()));
    run.load =
        List.of(new StepSummary("orders", "shop", "GET /order", 10, 0, 10, 0, 5.0, 2, 3, 4, 4));
    run.faults = List.of();
    run.events = new ArrayList<>(run.events);
    run.events.add(
        new JournalEvent(
            START.plusMillis(4_200),
            "warm-up",
            "load",
            "warm-up for 3s",
            Map.of(
                "from",
                START.plusMillis(4_200).toString(),
                "until",
                START.plusMillis(7_200).toString())));
    run.events.add(
        new JournalEvent(
            START.plusSeconds(40),
            "finding",
            "timing",
            "10 of 10 requests failed or timed out outside any fault window: first at 0.1 s (orders-1, failed: HTTP status 404)",
            Map.of()));
    run.events.add(
        new JournalEvent(
            START.plusSeconds(40),
            "finding",
            "timing",
            "fault slow went on 1.2 s late: declared at 3.0 s, on at 4.2 s",
            Map.of()));
    return run.build();
  }

  /**
   * Aborted by stop-when after every request of a cold service timed out: no answer, so no latency.
   */
  static RunRecord abortedWithoutAnswers(Path folder) {
    Builder run = builder(folder, "cold-start-aborted");
    run.verdict = Verdict.ABORTED;
    run.verdictSentence = null;
    run.error =
        "the error rate over the last 5 s was 100%, above 50% (stop-when: error-rate-above)";
    run.load =
        List.of(
            new StepSummary(
                "orders",
                "shop",
                "GET /order",
                176,
                0,
                0,
                176,
                35.2,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN));
    return run.build();
  }

  static RunRecord controlUnseen(Path folder) {
    Builder run = builder(folder, "counter-control-unsynchronized");
    run.expect = Expectation.CAUGHT;
    run.caughtBy = List.of("counter-adds-up");
    run.verdict = Verdict.NOT_MET;
    run.verdictSentence = "Not met: the control's bug went unseen.";
    run.checks =
        List.of(
            new CheckResult(
                "counter-adds-up",
                "counter-consistency",
                CheckStatus.PASSED,
                "final value",
                "value in [2000, 2000]",
                "value = 2000",
                List.of()));
    return run.build();
  }

  static RunRecord error(Path folder) {
    Builder run = builder(folder, "batch-latch-released");
    run.verdict = Verdict.ERROR;
    run.verdictSentence = "No verdict: target batch did not become healthy within 30 s.";
    run.error =
        "target batch did not become healthy within 30 s: GET http://127.0.0.1:8081/actuator/health answered 503";
    run.checks = List.of();
    run.load = List.of();
    run.timeline = List.of();
    run.faults = List.of();
    run.loadStarted = null;
    return run.build();
  }

  /** Every piece of user text carries a script tag and both quotes. */
  static RunRecord hostile(Path folder) {
    Builder run = builder(folder, "xss-" + XSS);
    run.description = "described as " + XSS;
    run.verdict = Verdict.NOT_MET;
    run.verdictSentence = "Not met: " + XSS;
    run.checks =
        List.of(
            new CheckResult(
                "check-" + XSS,
                "kind-" + XSS,
                CheckStatus.FAILED,
                "measured " + XSS,
                "bound " + XSS,
                "observed " + XSS,
                List.of("evidence " + XSS)));
    run.load =
        List.of(
            new StepSummary(
                "step-" + XSS,
                "aggregator",
                "GET /aggregate?q=" + XSS,
                10,
                9,
                1,
                0,
                1,
                2,
                3,
                4,
                5));
    run.faults =
        List.of(
            new FaultWindow(
                "fault-" + XSS, "latency", XSS, START.plusSeconds(3), START.plusSeconds(6)));
    run.events = new ArrayList<>(run.events);
    run.events.add(
        new JournalEvent(
            START.plusSeconds(4),
            "note",
            "note-" + XSS,
            "message " + XSS,
            Map.of("key" + XSS, XSS)));
    run.environment = Map.of("os" + XSS, XSS);
    run.artifacts = Map.of("log " + XSS, "logs/" + XSS + ".log", "evil", "javascript:alert(1)");
    run.yaml = "name: " + XSS + "\n";
    return run.build();
  }

  static Builder builder(Path folder, String experiment) {
    return new Builder(folder, experiment);
  }

  /** A passing run by default; tests change what they need. */
  static final class Builder {
    String runId;
    Path folder;
    String experiment;
    String description =
        "The aggregator answers within its 500 ms deadline while a downstream is slow.";
    Expectation expect = Expectation.PASS;
    List<String> caughtBy = List.of();
    Instant started = START;
    Instant loadStarted = START.plusMillis(4_200);
    Verdict verdict = Verdict.MET;
    String verdictSentence =
        "Met: every check held while slow-downstream added 800 ms to every call.";
    List<CheckResult> checks =
        List.of(
            new CheckResult(
                "deadline-fires",
                "timeouts-fire",
                CheckStatus.PASSED,
                "latency of calls during the fault",
                "≤ 600 ms (deadline 500 ms + tolerance 100 ms)",
                "max 512 ms over 600 calls",
                List.of()),
            new CheckResult(
                "no-thread-leak",
                "no-thread-leak",
                CheckStatus.PASSED,
                "live threads after settle vs baseline",
                "≤ 42 threads after 5 s",
                "40 threads",
                List.of()));
    List<StepSummary> load =
        List.of(
            new StepSummary(
                "aggregate",
                "aggregator",
                "GET /aggregate",
                1200,
                1180,
                12,
                8,
                40.0,
                18.5,
                480.0,
                505.0,
                612.0));
    List<TimelinePoint> timeline = timeline(30, 1.0);
    List<FaultWindow> faults =
        List.of(
            new FaultWindow(
                "slow-downstream",
                "latency",
                "800 ms ± 50 ms on aggregator->downstream",
                START.plusMillis(4_200 + 5_000),
                START.plusMillis(4_200 + 20_000)));
    List<JournalEvent> events =
        new ArrayList<>(
            List.of(
                new JournalEvent(
                    START, "phase", "provision", "targets up: aggregator, downstream", Map.of()),
                new JournalEvent(
                    START.plusMillis(4_200),
                    "load",
                    "aggregate",
                    "load started",
                    Map.of("rate", "40/s")),
                new JournalEvent(
                    START.plusMillis(9_200), "fault", "slow-downstream", "fault on", Map.of()),
                new JournalEvent(
                    START.plusMillis(24_200), "fault", "slow-downstream", "fault off", Map.of()),
                new JournalEvent(
                    START.plusMillis(36_000),
                    "check",
                    "deadline-fires",
                    "passed",
                    Map.of("elapsedMillis", "1500"))));
    Map<String, String> environment =
        Map.of(
            "jdk",
            "17.0.15+6",
            "os",
            "Linux 6.1 amd64",
            "cores",
            "2",
            "faultline",
            "0.1.0-SNAPSHOT",
            "gatling",
            "3.15.1");
    Map<String, String> artifacts =
        new LinkedHashMap<>(Map.of("gatling report", "gatling/aggregate-20250314/index.html"));
    String yaml = "name: aggregator-deadline-under-latency\nexpect: pass\nseed: 42\n";
    String error;
    List<dev.faultline.profile.TargetProfile> profiles = List.of();

    Builder(Path folder, String experiment) {
      this.folder = folder;
      this.experiment = experiment;
      this.runId = "20250314-092653-" + experiment;
      artifacts.put("aggregator log", "targets/aggregator.log");
    }

    Builder startedAt(Instant instant) {
      Duration shift = Duration.between(started, instant);
      started = instant;
      loadStarted = loadStarted == null ? null : loadStarted.plus(shift);
      faults =
          faults.stream()
              .map(
                  f ->
                      new FaultWindow(
                          f.name(),
                          f.kind(),
                          f.description(),
                          f.on().plus(shift),
                          f.off() == null ? null : f.off().plus(shift)))
              .toList();
      events =
          new ArrayList<>(
              events.stream()
                  .map(
                      e ->
                          new JournalEvent(
                              e.at().plus(shift), e.type(), e.name(), e.message(), e.data()))
                  .toList());
      return this;
    }

    RunRecord build() {
      return new RunRecord(
          runId,
          folder,
          experiment,
          description,
          expect,
          caughtBy,
          Path.of("experiments/" + experiment + ".yaml"),
          yaml,
          42,
          started,
          started.plusSeconds(41),
          loadStarted,
          Duration.ofSeconds(30),
          verdict,
          verdictSentence,
          checks,
          load,
          timeline,
          faults,
          events,
          environment,
          artifacts,
          profiles,
          error);
    }
  }

  /**
   * Thirty seconds at 40 req/s, with errors and slow answers while the fault (5 s to 20 s) is on.
   */
  static List<TimelinePoint> timeline(int seconds, double latencyFactor) {
    List<TimelinePoint> points = new ArrayList<>();
    for (int s = 0; s < seconds; s++) {
      boolean fault = s >= 5 && s < 20;
      long failed = fault ? 1 + s % 3 : 0;
      long indeterminate = fault && s % 4 == 0 ? 2 : 0;
      double p50 = (fault ? 480 : 12) * latencyFactor;
      double p99 = (fault ? 505 : 30) * latencyFactor;
      points.add(
          new TimelinePoint(
              s,
              40 - failed - indeterminate,
              failed,
              indeterminate,
              p50,
              p99,
              fault ? 44 + s % 3 : 40));
    }
    return points;
  }
}
