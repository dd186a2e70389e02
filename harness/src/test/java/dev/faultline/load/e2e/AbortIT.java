package dev.faultline.load.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.load.GatlingLoad;
import dev.faultline.load.LoadPlan;
import dev.faultline.load.LoadResult;
import dev.faultline.load.LoadRun;
import dev.faultline.load.LoadStep;
import dev.faultline.load.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class AbortIT {

  @TempDir Path runDir;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void abortKillsTheForkPromptlyKeepsTheOutcomesAndLeavesNoJavaChild() {
    try (RecordingServer server = new RecordingServer(0)) {
      LoadStep step =
          new LoadStep(
              "long",
              server.baseUrl(),
              "GET",
              "/ok/${op}",
              null,
              null,
              Workload.OPEN,
              20,
              0,
              Duration.ZERO,
              Duration.ofMinutes(5),
              0);
      LoadRun run =
          GatlingLoad.start(
              new LoadPlan("abort-e2e", List.of(step), Duration.ofSeconds(5), 1), runDir);

      await("the first outcomes of the fork")
          .atMost(Duration.ofSeconds(40))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> run.progress().requests() >= 10);
      long abortStarted = System.nanoTime();
      LoadResult result = run.abort();
      Duration abortTook = Duration.ofNanos(System.nanoTime() - abortStarted);

      assertThat(abortTook).as("abort is prompt").isLessThan(Duration.ofSeconds(5));
      assertThat(run.isRunning()).isFalse();
      assertThat(result.outcomes())
          .as("outcomes recorded before the abort stay readable")
          .hasSizeGreaterThanOrEqualTo(10);
      assertThat(result.outcomes().stream().map(o -> "/ok/" + o.opId()).toList())
          .as("every operation the server saw has an outcome line")
          .containsAll(server.paths());
      assertThat(
              ProcessHandle.current()
                  .descendants()
                  .filter(p -> p.info().command().orElse("").endsWith("java")))
          .as("no java child process left")
          .isEmpty();
      System.out.printf(
          "abort took %d ms, %d outcomes kept%n", abortTook.toMillis(), result.outcomes().size());
    }
  }
}
