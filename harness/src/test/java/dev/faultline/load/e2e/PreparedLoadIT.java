package dev.faultline.load.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.load.GatlingLoad;
import dev.faultline.load.LoadPlan;
import dev.faultline.load.LoadResult;
import dev.faultline.load.LoadRun;
import dev.faultline.load.LoadStep;
import dev.faultline.load.Outcome;
import dev.faultline.load.PreparedLoad;
import dev.faultline.load.RequestOutcome;
import dev.faultline.load.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Gatling fork started ahead of its plan does Gatling's start-up while the targets start, sends
 * nothing before the plan, then runs the plan it is handed.
 */
class PreparedLoadIT {

  @TempDir Path runDir;

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void a_fork_started_ahead_is_ready_before_its_plan_and_then_runs_exactly_that_plan() {
    try (RecordingServer server = new RecordingServer(0);
        PreparedLoad prepared =
            GatlingLoad.prepare("prepared-e2e", Duration.ofSeconds(5), runDir)) {
      await("the fork has Gatling started and waits for its plan")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> prepared.readyAt().isPresent());
      assertThat(server.paths()).as("nothing is sent before the plan").isEmpty();

      Instant handed = Instant.now();
      LoadPlan plan =
          new LoadPlan(
              "prepared-e2e",
              List.of(
                  new LoadStep(
                      "ping",
                      server.baseUrl(),
                      "GET",
                      "/ok/${op}",
                      Map.of(),
                      null,
                      Workload.OPEN,
                      20,
                      0,
                      Duration.ZERO,
                      Duration.ofSeconds(1),
                      0)),
              Duration.ofSeconds(5),
              7);
      LoadRun run = prepared.start(plan);
      LoadResult ended = run.awaitLoadEnd(Duration.ofSeconds(60));
      assertThat(run.loadEnded()).isTrue();
      LoadResult result = run.finish(Duration.ofSeconds(30));
      assertThat(run.isRunning()).as("finish waits for the fork").isFalse();
      assertThat(result.exitCode()).isZero();
      assertThat(result.gatlingReportIndex())
          .as("Gatling's report, written after the load ended")
          .hasValueSatisfying(index -> assertThat(index).isRegularFile());
      assertThat(ended.outcomes())
          .as("every outcome is read when the load ends, before Gatling's report")
          .isEqualTo(result.outcomes());

      List<RequestOutcome> outcomes = result.outcomes();
      assertThat(outcomes).hasSizeBetween(18, 22);
      assertThat(result.count(Outcome.OK)).isEqualTo(outcomes.size());
      assertThat(server.paths()).hasSameSizeAs(outcomes);
      long first = outcomes.stream().mapToLong(RequestOutcome::startMillis).min().orElseThrow();
      assertThat(prepared.readyAt())
          .hasValueSatisfying(ready -> assertThat(ready).isBefore(handed));
      assertThat(first).isGreaterThanOrEqualTo(handed.toEpochMilli());
      System.out.printf(
          "prepared fork: plan handed over to first request %d ms%n",
          first - handed.toEpochMilli());
    }
  }
}
