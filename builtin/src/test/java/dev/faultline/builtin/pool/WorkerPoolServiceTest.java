package dev.faultline.builtin.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.builtin.support.RunningTarget;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

class WorkerPoolServiceTest {

  private static final int REQUESTS = 20;

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void cancellablePoolKeepsItsWorkersRejectsWhenFullAndStopsTheWorkersOnClose() {
    List<Thread> workers;
    try (RunningTarget target =
        RunningTarget.start("pool", "cancellable", "--faultline.pool.queue-capacity=16")) {
      for (int i = 0; i < REQUESTS; i++) {
        assertThat(target.post("/jobs?count=5").get("completed").asLong()).isEqualTo(5);
      }
      JsonNode stats = target.get("/jobs/stats");
      assertThat(stats.get("completed").asLong()).isEqualTo(REQUESTS * 5);
      assertThat(stats.get("liveWorkers").asInt()).isEqualTo(4);
      assertThat(stats.get("liveWaiters").asInt()).isZero();
      workers = threadsNamed("job-worker-");
      assertThat(workers).hasSizeGreaterThanOrEqualTo(4);

      JsonNode flood = target.post("/jobs?count=1000");
      assertThat(flood.get("rejected").asInt())
          .as("a full queue rejects, never blocks")
          .isPositive();
      assertThat(flood.get("accepted").asInt() + flood.get("rejected").asInt()).isEqualTo(1000);
      assertThat(target.get("/jobs/stats").get("rejected").asLong())
          .isEqualTo(flood.get("rejected").asLong());
    }
    await("the workers stop when the context closes")
        .atMost(Duration.ofSeconds(5))
        .until(() -> workers.stream().noneMatch(Thread::isAlive));
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void leakyTwinLeavesOneBlockedWaiterThreadPerRequest() {
    int waitersBefore = threadsNamed("job-waiter-").size();
    try (RunningTarget target = RunningTarget.start("pool", "leaky")) {
      for (int i = 0; i < REQUESTS; i++) {
        target.post("/jobs?count=5");
      }

      JsonNode stats = target.get("/jobs/stats");
      assertThat(stats.get("liveWaiters").asInt()).isEqualTo(REQUESTS);
      assertThat(stats.get("liveWorkers").asInt()).isEqualTo(4 + REQUESTS);
      await("every leaked waiter is parked on its queue")
          .atMost(Duration.ofSeconds(5))
          .until(
              () ->
                  threadsNamed("job-waiter-").stream()
                          .filter(t -> t.getState() == Thread.State.WAITING)
                          .count()
                      >= waitersBefore + REQUESTS);
    }
  }

  private static List<Thread> threadsNamed(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith(prefix) && t.isAlive())
        .toList();
  }
}
