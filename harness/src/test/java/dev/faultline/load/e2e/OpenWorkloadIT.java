package dev.faultline.load.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.load.GatlingLoad;
import dev.faultline.load.LoadPlan;
import dev.faultline.load.LoadResult;
import dev.faultline.load.LoadRun;
import dev.faultline.load.LoadStep;
import dev.faultline.load.Outcome;
import dev.faultline.load.RequestOutcome;
import dev.faultline.load.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class OpenWorkloadIT {

  @TempDir Path runDir;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void anOpenWorkloadOf50PerSecondFor2SecondsSendsAbout100RequestsEachWithItsOwnOperationId() {
    try (RecordingServer server = new RecordingServer(0)) {
      LoadStep step =
          new LoadStep(
              "inc",
              server.baseUrl(),
              "POST",
              "/ok/${op}",
              Map.of("X-Drill", "yes"),
              "{}",
              Workload.OPEN,
              50,
              0,
              Duration.ZERO,
              Duration.ofSeconds(2),
              0);
      LoadPlan plan = new LoadPlan("open-e2e", List.of(step), Duration.ofSeconds(5), 42);

      long startedAt = System.currentTimeMillis();
      LoadRun run = GatlingLoad.start(plan, runDir);
      LoadResult result = run.await(Duration.ofSeconds(50));
      long exitedAt = System.currentTimeMillis();

      List<RequestOutcome> outcomes = result.outcomes();
      assertThat(outcomes).hasSizeBetween(95, 105);
      assertThat(result.count(Outcome.OK)).isEqualTo(outcomes.size());
      List<String> opIds = outcomes.stream().map(RequestOutcome::opId).toList();
      assertThat(opIds).doesNotHaveDuplicates().allMatch(id -> id.matches("inc-[0-9a-z]{7}-\\d+"));
      assertThat(server.paths())
          .as("the server saw each operation id in the path")
          .containsExactlyInAnyOrderElementsOf(opIds.stream().map(id -> "/ok/" + id).toList());
      assertThat(result.exitCode()).isZero();
      assertThat(result.gatlingReportIndex())
          .hasValueSatisfying(index -> assertThat(Files.isRegularFile(index)).isTrue());
      assertThat(run.progress().requests()).isEqualTo(outcomes.size());

      long firstStart =
          outcomes.stream().mapToLong(RequestOutcome::startMillis).min().orElseThrow();
      long lastEnd = outcomes.stream().mapToLong(RequestOutcome::endMillis).max().orElseThrow();
      System.out.printf(
          "fork overhead: start() to first request %d ms, last response to fork exit %d ms%n",
          firstStart - startedAt, exitedAt - lastEnd);
    }
  }
}
