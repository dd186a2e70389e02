package dev.faultline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.fault.ActiveFault;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WorkerKillIT {

  private static final String YAML =
      """
            name: killed-workers
            seed: 7
            targets:
              batch: { builtin: batch, properties: { faultline.batch.work: 2ms } }
              twin: { builtin: batch, variant: success-only, properties: { faultline.batch.work: 2ms } }
            load:
              - { name: l, target: batch, request: "POST /batch?size=10", rate: 1/s, duration: 1s }
            faults:
              - name: one-dies
                kill-worker: { target: batch, count: 1 }
              - name: twin-one-dies
                kill-worker: { target: twin, count: 1 }
              - name: some-die
                kill-worker: { target: batch, rate: 20% }
            checks:
              - counter-consistency: { target: batch, load: l }
            """;

  private Drill drill;

  @BeforeAll
  void startBatches(@TempDir Path folder) {
    drill = Drill.start(folder, YAML);
  }

  @AfterAll
  void stopBatches() {
    if (drill != null) {
      drill.close();
    }
  }

  @Test
  void theCorrectBatchFinishesWithTheKilledWorkerCountedAndTheRollbackPlansNoMoreDeaths() {
    URI batch = drill.target("batch").baseUrl();
    ActiveFault oneDies =
        drill.injectors.forFault(drill.fault("one-dies")).apply(drill.fault("one-dies"));
    JsonNode result;
    try {
      result = Drill.json(batch, "POST", "/batch?size=20");
    } finally {
      oneDies.rollback();
    }
    assertThat(result.path("failed").asInt())
        .as("the killed worker's task is counted as failed")
        .isEqualTo(1);
    assertThat(result.path("done").asInt()).isEqualTo(19);
    assertThat(Drill.json(batch, "GET", "/batch/failures").path("count").asInt()).isZero();
    assertThat(oneDies.figures()).containsEntry("workersKilled", "1");
    assertThat(Drill.json(batch, "POST", "/batch?size=20").path("failed").asInt())
        .as("no death after rollback")
        .isZero();
  }

  @Test
  void aRateUsesTheExperimentSeedAndIsSwitchedOffByTheRollback() {
    URI batch = drill.target("batch").baseUrl();
    ActiveFault someDie =
        drill.injectors.forFault(drill.fault("some-die")).apply(drill.fault("some-die"));
    try {
      JsonNode plan = Drill.json(batch, "GET", "/batch/failures");
      assertThat(plan.path("rate").asDouble()).isEqualTo(0.2);
      assertThat(plan.path("seed").asLong()).as("seeded from the experiment").isEqualTo(7);
      assertThat(Drill.json(batch, "POST", "/batch?size=50").path("failed").asInt()).isPositive();
    } finally {
      someDie.rollback();
    }
    assertThat(Drill.json(batch, "GET", "/batch/failures").path("rate").asDouble()).isZero();
  }

  @Test
  void theSuccessOnlyTwinHangsOnAKilledWorkerSoACallerWithATimeoutSeesIt() {
    URI twin = drill.target("twin").baseUrl();
    ActiveFault dies =
        drill.injectors.forFault(drill.fault("twin-one-dies")).apply(drill.fault("twin-one-dies"));
    try {
      assertThatThrownBy(() -> Drill.send(twin, "POST", "/batch?size=20", Duration.ofSeconds(3)))
          .as("the latch is never released: the batch hangs")
          .isInstanceOf(HttpTimeoutException.class);
    } finally {
      dies.rollback();
    }
    assertThat(Drill.json(twin, "GET", "/batch/stats").path("batchesHung").asInt()).isEqualTo(1);
    assertThat(Drill.json(twin, "GET", "/batch/failures").path("count").asInt()).isZero();
  }
}
