package dev.faultline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.check.CheckResult;
import dev.faultline.check.CheckStatus;
import dev.faultline.experiment.ExperimentLoader;
import dev.faultline.report.FaultWindow;
import dev.faultline.report.JournalEvent;
import dev.faultline.report.RunRecord;
import dev.faultline.report.Verdict;
import dev.faultline.run.Console;
import dev.faultline.run.RunOptions;
import dev.faultline.run.Suite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real runs on the built-in counter behind a proxy: response-time and error-rate each pass clear of
 * the faults and fail under them, a warm-up runs before the measured load and the fault schedule,
 * and a load on a path that answers 404 is INCONCLUSIVE with exit code 1.
 */
class LoadVerdictsIT {

  /**
   * Long enough that the first request is seen before the faults are due, even on a busy machine.
   */
  private static final Duration WARM_UP = Duration.ofSeconds(5);

  @TempDir Path dir;

  private Path write(String name, String yaml) throws IOException {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void
      latency_and_errors_are_bounded_per_fault_window_and_a_load_that_only_got_404s_is_inconclusive()
          throws IOException {
    Path bounded =
        write(
            "bounded",
            """
                name: e2e-bounded
                seed: 7
                request-timeout: 5s
                targets:
                  counter: {builtin: counter, variant: locked}
                proxies:
                  front: {upstream: counter}
                load:
                  - {name: increments, target: front, request: "POST /counter/increment?op=${op}", rate: 10/s, duration: 8s, warm-up: 5s}
                faults:
                  - {name: slow, at: 1s, for: 4s, latency: {proxy: front, latency: 3000ms}}
                  - {name: resets, at: 5s, for: 2s, reset-peer: {proxy: front, timeout: 0ms}}
                checks:
                  # Bounds far from both sides, so that a busy machine cannot flip them: a median of
                  # 1 s clear of the faults, against 3 s added to every answer under slow (the median
                  # of those started under it is about 2 s: the toxic releases what it holds when it goes).
                  - response-time: {name: p50-clear, target: counter, load: increments, percentile: 50, at-most: 1000ms, outside-faults: true}
                  - response-time: {name: p50-slow, target: counter, load: increments, percentile: 50, at-most: 1000ms, during: slow}
                  - error-rate: {name: errors-clear, load: increments, at-most: 20%, outside-faults: true}
                  - error-rate: {name: errors-resets, load: increments, at-most: 20%, during: resets}
                  - counter-consistency: {target: counter, load: increments, ops: GET /counter/ops}
                """);
    Path notFound =
        write(
            "not-found",
            """
                name: e2e-not-found
                seed: 7
                targets:
                  counter: {builtin: counter, variant: locked}
                load:
                  - {name: lookups, target: counter, request: GET /no/such/path, rate: 20/s, duration: 2s}
                checks:
                  - no-deadlock: {target: counter}
                """);
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    List<RunRecord> runs =
        new Suite(
                new RunOptions(
                    dir.resolve("reports"),
                    E2eSupport.home(),
                    new Console(new PrintStream(console, true, StandardCharsets.UTF_8))))
            .run(ExperimentLoader.loadAll(List.of(bounded, notFound)));

    RunRecord b = runs.get(0);
    assertThat(check(b, "p50-clear").status())
        .as(check(b, "p50-clear").summary())
        .isEqualTo(CheckStatus.PASSED);
    assertThat(check(b, "p50-slow").status())
        .as(check(b, "p50-slow").summary())
        .isEqualTo(CheckStatus.FAILED);
    assertThat(check(b, "p50-slow").evidence())
        .as("the slowest requests, each with its time and outcome")
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("slow: increments-")
                    .containsPattern(" (OK|FAILED|INDETERMINATE) .* after [0-9,]+\\.[0-9] ms"));
    assertThat(check(b, "errors-clear").status())
        .as(check(b, "errors-clear").summary())
        .isEqualTo(CheckStatus.PASSED);
    assertThat(check(b, "errors-resets").status())
        .as(check(b, "errors-resets").summary())
        .isEqualTo(CheckStatus.FAILED);
    assertThat(check(b, "errors-resets").evidence())
        .anySatisfy(line -> assertThat(line).startsWith("cause: ").contains("indeterminate"));
    assertThat(check(b, "counter-consistency").status())
        .as("the warm-up's increments count too")
        .isEqualTo(CheckStatus.PASSED);
    assertThat(b.verdict()).as(b.verdictSentence()).isEqualTo(Verdict.NOT_MET);
    assertWarmUpCameFirst(b);

    RunRecord n = runs.get(1);
    assertThat(n.verdict()).as(n.verdictSentence()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(n.verdictSentence())
        .startsWith(
            "Inconclusive: the load did not exercise the service — step lookups: only 0 of ")
        .contains("most frequent cause: failed: HTTP status 404");
    assertThat(Suite.exitCode(List.of(n))).isEqualTo(1);
    assertThat(Files.readString(n.folder().resolve("junit.xml")))
        .contains("type=\"faultline.inconclusive\"");
    assertThat(Files.readString(n.folder().resolve("journal.json")))
        .contains("\"verdict\" : \"INCONCLUSIVE\"");
    assertThat(console.toString(StandardCharsets.UTF_8))
        .contains("finding: not exercised: step lookups", "warm-up ");
  }

  /**
   * The fault schedule counts from the end of the warm-up, and the checks never saw a warm-up
   * request.
   */
  private static void assertWarmUpCameFirst(RunRecord b) {
    JournalEvent warmUp =
        b.events().stream().filter(e -> e.type().equals("warm-up")).findFirst().orElseThrow();
    FaultWindow slow =
        b.faults().stream().filter(f -> f.name().equals("slow")).findFirst().orElseThrow();
    java.time.Instant measured = java.time.Instant.parse(warmUp.data().get("until"));
    assertThat(Duration.between(b.loadStarted(), measured)).isEqualTo(WARM_UP);
    assertThat(slow.on())
        .as("slow is declared at 1s of the measured load")
        .isAfterOrEqualTo(measured.plusSeconds(1));
    long total = b.load().get(0).requests();
    assertThat(total)
        .as("the step summary counts the measured requests (8 s at 10/s), not the warm-up's 50")
        .isBetween(60L, 90L);
  }

  private static CheckResult check(RunRecord run, String name) {
    return run.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }
}
