package dev.faultline.builtin.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.builtin.support.RunningTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** One target per variant, shared by the tests of this class and reset before each use. */
class CounterServiceTest {

  private static final Map<String, RunningTarget> TARGETS = new ConcurrentHashMap<>();

  @TempDir static Path dataDir;

  private static final int CLIENTS = 16;
  private static final int INCREMENTS = 1000;
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @ParameterizedTest(name = "{0} counts every one of 1000 concurrent increments exactly once")
  @ValueSource(strings = {"locked", "atomic", "durable"})
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void correctVariantsCountEveryConcurrentIncrementExactlyOnce(String variant) throws Exception {
    RunningTarget target = target(variant);
    incrementConcurrently(target);

    JsonNode state = target.get("/counter");
    assertThat(state.get("variant").asString()).isEqualTo(variant);
    assertThat(state.get("increments").asLong()).isEqualTo(INCREMENTS);
    assertThat(state.get("value").asLong()).as("no lost update").isEqualTo(INCREMENTS);
    JsonNode ops = target.get("/counter/ops");
    assertThat(ops.get("applied").size()).isEqualTo(INCREMENTS);
    assertThat(ops.get("duplicates").size()).isZero();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void racyTwinLosesUpdatesUnderSixteenConcurrentClients() throws Exception {
    RunningTarget target = target("racy");
    incrementConcurrently(target);

    JsonNode state = target.get("/counter");
    assertThat(state.get("increments").asLong())
        .as("the handler ran every increment")
        .isEqualTo(INCREMENTS);
    assertThat(state.get("value").asLong())
        .as("overlapping read-work-write loses updates")
        .isLessThan(INCREMENTS);
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aRetriedOperationIsReportedAsDuplicateAndResetClearsEverything() {
    RunningTarget target = target("atomic");
    assertThat(target.post("/counter/increment?op=x").get("value").asLong()).isEqualTo(1);
    assertThat(target.post("/counter/increment?op=x").get("value").asLong()).isEqualTo(2);
    assertThat(target.get("/counter/ops").get("duplicates").toString()).isEqualTo("[\"x\"]");
    assertThat(target.send("POST", "/counter/increment?op=" + "y".repeat(65), TIMEOUT).body())
        .isEqualTo("{\"error\":\"op must be at most 64 characters, was 65\"}");

    target.post("/counter/reset");

    assertThat(target.get("/counter").toString())
        .isEqualTo("{\"value\":0,\"increments\":0,\"variant\":\"atomic\"}");
    assertThat(target.get("/counter/ops").toString())
        .isEqualTo("{\"applied\":[],\"duplicates\":[]}");
  }

  private static RunningTarget target(String variant) {
    RunningTarget target =
        TARGETS.computeIfAbsent(
            variant,
            v -> RunningTarget.start("counter", v, "--faultline.data-dir=" + dataDir.resolve(v)));
    target.post("/counter/reset");
    return target;
  }

  @AfterAll
  static void stopTargets() {
    TARGETS.values().forEach(RunningTarget::close);
  }

  private static void incrementConcurrently(RunningTarget target) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<JsonNode>> answers = new ArrayList<>();
      for (int i = 0; i < INCREMENTS; i++) {
        String op = "op-" + i;
        answers.add(clients.submit(() -> target.post("/counter/increment?op=" + op)));
      }
      for (Future<JsonNode> answer : answers) {
        answer.get(30, TimeUnit.SECONDS);
      }
    } finally {
      clients.shutdownNow();
    }
  }
}
