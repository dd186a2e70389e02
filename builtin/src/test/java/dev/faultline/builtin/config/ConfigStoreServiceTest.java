package dev.faultline.builtin.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.builtin.support.RunningTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

class ConfigStoreServiceTest {

  private static final int WRITES = 40;
  private static final int READERS = 3;
  private static final int MAX_READS_PER_READER = 1000;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void readersOfTheReadWriteLockedStoreNeverSeeATornSnapshot() throws Exception {
    try (RunningTarget target = RunningTarget.start("config", "rwlock")) {
      long tornSeenByClients = readWhileWriting(target);

      JsonNode stats = target.get("/config/stats");
      assertThat(tornSeenByClients).isZero();
      assertThat(stats.get("tornReads").asLong()).isZero();
      assertThat(stats.get("writes").asLong()).isEqualTo(WRITES);
      assertThat(stats.get("versionsSeen").get("distinct").asLong())
          .as("readers really overlapped with many writes")
          .isGreaterThan(5);
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void readersOfTheTornTwinSeeHalfUpdatedSnapshotsAndTheStoreCountsExactlyThose() throws Exception {
    try (RunningTarget target = RunningTarget.start("config", "torn")) {
      long tornSeenByClients = readWhileWriting(target);

      JsonNode stats = target.get("/config/stats");
      assertThat(tornSeenByClients).isPositive();
      assertThat(stats.get("tornReads").asLong())
          .as("ground truth counts what clients were given")
          .isEqualTo(tornSeenByClients);
      assertThat(stats.get("variant").asString()).isEqualTo("torn");
    }
  }

  /** One writer does {@value #WRITES} writes; readers read until it is done. */
  private static long readWhileWriting(RunningTarget target) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(READERS + 1);
    AtomicBoolean writing = new AtomicBoolean(true);
    try {
      Future<?> writer =
          clients.submit(
              () -> {
                try {
                  for (int i = 0; i < WRITES; i++) {
                    target.post("/config/write");
                  }
                } finally {
                  writing.set(false);
                }
              });
      List<Future<Long>> readers = new ArrayList<>();
      for (int r = 0; r < READERS; r++) {
        readers.add(
            clients.submit(
                () -> {
                  long torn = 0;
                  for (int i = 0; i < MAX_READS_PER_READER && writing.get(); i++) {
                    JsonNode snapshot = target.get("/config");
                    long version = snapshot.get("version").asLong();
                    for (JsonNode value : snapshot.get("values")) {
                      if (value.asLong() != version) {
                        assertThat(snapshot.get("consistent").asBoolean()).isFalse();
                        torn++;
                        break;
                      }
                    }
                  }
                  return torn;
                }));
      }
      writer.get(30, TimeUnit.SECONDS);
      long torn = 0;
      for (Future<Long> reader : readers) {
        torn += reader.get(30, TimeUnit.SECONDS);
      }
      return torn;
    } finally {
      clients.shutdownNow();
    }
  }
}
