package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.check.CheckResult;
import dev.faultline.check.CheckStatus;
import dev.faultline.report.RunComparison.P99Threshold;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryIndexTest {

  private static final String EXPERIMENT = "aggregator-deadline-under-latency";

  @TempDir Path reports;

  private RunRecord run(int day, double p99, CheckStatus leak, Verdict verdict) {
    String runId = "2025031" + day + "-090000-" + EXPERIMENT;
    SampleRuns.Builder run =
        SampleRuns.builder(reports.resolve(runId), EXPERIMENT)
            .startedAt(SampleRuns.START.plus(Duration.ofDays(day)));
    run.runId = runId;
    run.verdict = verdict;
    run.load =
        List.of(
            new StepSummary(
                "aggregate",
                "aggregator",
                "GET /aggregate",
                1200,
                1200,
                0,
                0,
                40,
                12,
                25,
                p99,
                p99 + 10));
    run.checks =
        List.of(
            new CheckResult(
                "deadline-fires",
                "timeouts-fire",
                CheckStatus.PASSED,
                "latency",
                "≤ 600 ms",
                "max 512 ms",
                List.of()),
            new CheckResult(
                "no-thread-leak",
                "no-thread-leak",
                leak,
                "threads",
                "≤ 42",
                leak == CheckStatus.PASSED ? "40" : "57",
                List.of()));
    return run.build();
  }

  @Test
  void a_third_run_that_regresses_shows_the_failing_check_the_p99_rise_and_the_verdict_change()
      throws Exception {
    RunReports.write(run(1, 30, CheckStatus.PASSED, Verdict.MET));
    RunReports.write(run(2, 31, CheckStatus.PASSED, Verdict.MET));
    RunReports.write(run(3, 93, CheckStatus.FAILED, Verdict.NOT_MET));

    String html = ReportFormats.visible(Files.readString(HistoryIndex.rebuild(reports)));

    assertThat(html)
        .contains("3 runs of 1 experiment")
        .contains("<li class=\"worse\">verdict met → not met</li>")
        .contains("<li class=\"worse\">check no-thread-leak started failing (failed)</li>")
        .contains("<li class=\"worse\">p99 of aggregate rose 31.0 ms → 93.0 ms (+200%)</li>");
    String runs = html.substring(html.indexOf("id=\"runs\""));
    assertThat(runs.indexOf("2025-03-17 09:26:53 UTC"))
        .as("newest first")
        .isLessThan(runs.indexOf("2025-03-16 09:26:53 UTC"))
        .isLessThan(runs.indexOf("2025-03-15 09:26:53 UTC"));
    assertThat(html)
        .as("one mark per run, oldest to newest, each linking its report")
        .contains("<a class=\"mark met\" href=\"./20250311-090000-" + EXPERIMENT + "/index.html\"")
        .contains(
            "<a class=\"mark not-met\" href=\"./20250313-090000-" + EXPERIMENT + "/index.html\"");
    assertThat(html.indexOf("mark met\" href=\"./20250311"))
        .isLessThan(html.indexOf("mark not-met\" href=\"./20250313"));
  }

  @Test
  void a_small_wobble_in_p99_is_not_a_change() {
    assertThat(P99Threshold.DEFAULT.exceeded(2, 3)).as("+50% but only 1 ms").isFalse();
    assertThat(P99Threshold.DEFAULT.exceeded(100, 120)).as("+20 ms but only 20%").isFalse();
    assertThat(P99Threshold.DEFAULT.exceeded(100, 126)).isTrue();
    assertThat(P99Threshold.DEFAULT.exceeded(100, 70)).isTrue();
  }

  @Test
  void a_check_that_stops_failing_is_a_change_for_the_better() {
    List<RunComparison.Change> changes =
        RunComparison.between(
            run(1, 30, CheckStatus.FAILED, Verdict.NOT_MET),
            run(2, 30, CheckStatus.PASSED, Verdict.MET),
            P99Threshold.DEFAULT);

    assertThat(changes)
        .containsExactly(
            new RunComparison.Change("verdict not met → met", false),
            new RunComparison.Change("check no-thread-leak stopped failing", false));
  }

  @Test
  void an_unreadable_journal_is_listed_and_the_other_runs_still_shown() throws Exception {
    RunReports.write(run(1, 30, CheckStatus.PASSED, Verdict.MET));
    Files.writeString(
        Files.createDirectories(reports.resolve("broken")).resolve("journal.json"), "{not json");

    String html = Files.readString(HistoryIndex.rebuild(reports));

    assertThat(html)
        .contains("1 run of 1 experiment")
        .contains("<span class=\"mono\">broken</span>: could not read journal");
  }

  @Test
  void an_empty_folder_says_there_is_no_run_yet() throws Exception {
    String html = Files.readString(HistoryIndex.rebuild(reports));

    assertThat(html).contains("No run has written a journal.json in this folder yet.");
  }

  @Test
  void an_inconclusive_run_is_marked_apart_from_a_failure() throws Exception {
    RunReports.write(run(1, 30, CheckStatus.PASSED, Verdict.MET));
    RunReports.write(run(2, 30, CheckStatus.PASSED, Verdict.INCONCLUSIVE));

    String html = ReportFormats.visible(Files.readString(HistoryIndex.rebuild(reports)));

    assertThat(html)
        .contains(
            "<a class=\"mark inconclusive\" href=\"./20250312-090000-"
                + EXPERIMENT
                + "/index.html\"")
        .contains("<li class=\"worse\">verdict met → inconclusive</li>")
        .doesNotContain("mark not-met");
  }
}
