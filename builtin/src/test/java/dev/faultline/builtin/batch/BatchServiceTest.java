package dev.faultline.builtin.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.faultline.builtin.support.RunningTarget;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

class BatchServiceTest {

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void finallyVariantReturnsOnTimeWithKilledWorkersCountedAndSeededFailuresRepeat() {
    try (RunningTarget target = RunningTarget.start("batch", "finally")) {
      target.post("/batch/failures?count=3");
      JsonNode batch = target.post("/batch?size=32");

      assertThat(batch.get("submitted").asInt()).isEqualTo(32);
      assertThat(batch.get("done").asInt()).isEqualTo(29);
      assertThat(batch.get("failed").asInt()).isEqualTo(3);
      assertThat(batch.get("completeWhenReturned").asBoolean()).isTrue();

      target.post("/batch/failures?rate=0.25&seed=7");
      int firstFailed = target.post("/batch?size=64").get("failed").asInt();
      target.post("/batch/failures?rate=0.25&seed=7");
      int secondFailed = target.post("/batch?size=64").get("failed").asInt();
      assertThat(firstFailed).isPositive().isEqualTo(secondFailed);

      JsonNode stats = target.get("/batch/stats");
      assertThat(stats.get("batchesStarted").asLong()).isEqualTo(3);
      assertThat(stats.get("batchesHung").asLong()).isZero();
      assertThat(stats.get("returnedIncomplete").asLong()).isZero();
      assertThat(stats.get("tasksDone").asLong() + stats.get("tasksFailed").asLong())
          .isEqualTo(32 + 64 + 64);
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void successOnlyTwinHangsForeverOnceOneWorkerIsKilled() {
    try (RunningTarget target =
        RunningTarget.start("batch", "success-only", "--server.shutdown=immediate")) {
      assertThat(target.post("/batch?size=8").get("completeWhenReturned").asBoolean())
          .as("without failures the twin works")
          .isTrue();
      target.post("/batch/failures?count=1");

      assertThatThrownBy(() -> target.send("POST", "/batch?size=16", Duration.ofSeconds(1)))
          .hasRootCauseInstanceOf(HttpTimeoutException.class);

      await("the killed task is counted and the batch stays hung")
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () -> {
                JsonNode stats = target.get("/batch/stats");
                assertThat(stats.get("tasksFailed").asLong()).isEqualTo(1);
                assertThat(stats.get("tasksDone").asLong()).isEqualTo(8 + 15);
                assertThat(stats.get("batchesHung").asLong()).isEqualTo(1);
              });
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void addInsideTwinReturnsBeforeItsQueuedTasksAreDone() {
    // Long tasks, so that the waiter usually arrives before the first task registers. It is a race,
    // so the test allows a few batches for it, as a load run would.
    try (RunningTarget target =
        RunningTarget.start("batch", "add-inside", "--faultline.batch.work=20ms")) {
      JsonNode incomplete = null;
      int batches = 0;
      while (incomplete == null && batches < 10) {
        JsonNode batch = target.post("/batch?size=64");
        batches++;
        if (!batch.get("completeWhenReturned").asBoolean()) {
          incomplete = batch;
        }
      }

      assertThat(incomplete).as("a batch returned before its work was done").isNotNull();
      assertThat(incomplete.get("done").asInt() + incomplete.get("failed").asInt())
          .as("tasks still queued were never registered with the phaser")
          .isLessThan(64);
      assertThat(target.get("/batch/stats").get("returnedIncomplete").asLong()).isPositive();
      long allTasks = 64L * batches;
      await("the abandoned tasks still run to the end")
          .atMost(Duration.ofSeconds(5))
          .until(() -> target.get("/batch/stats").get("tasksDone").asLong() == allTasks);
    }
  }
}
