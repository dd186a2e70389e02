package dev.faultline.builtin.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.builtin.support.Concurrently;
import dev.faultline.builtin.support.RunningTarget;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

class CacheServiceTest {

  private static final int FIRST_REQUESTS = 16;

  /** 16 concurrent first requests of one key: ids first-0 … first-15, grouped by 16. */
  private static List<Concurrently.Outcome<JsonNode>> askForOneFreshKey(RunningTarget target)
      throws Exception {
    return Concurrently.run(
        FIRST_REQUESTS,
        i -> () -> target.get("/cache?op=first-" + i + "&group=" + FIRST_REQUESTS),
        Duration.ofSeconds(20));
  }

  private static RunningTarget cache(String variant) {
    return RunningTarget.start(
        "cache", variant, "--faultline.cache.work=100ms", "--server.shutdown=immediate");
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void onceVariantComputesAKeyOnceHoweverManyFirstRequestsAskForIt() throws Exception {
    try (RunningTarget target = cache("once")) {
      List<Concurrently.Outcome<JsonNode>> answers = askForOneFreshKey(target);

      assertThat(answers)
          .allSatisfy(a -> assertThat(a.value().get("key").asString()).isEqualTo("first-0"));
      assertThat(answers.stream().map(a -> a.value().get("value").asString()).distinct())
          .hasSize(1);
      JsonNode stats = target.get("/cache/stats");
      assertThat(stats.get("requests").asLong()).isEqualTo(FIRST_REQUESTS);
      assertThat(stats.get("keys").asInt()).isEqualTo(1);
      assertThat(stats.get("computations").asLong()).isEqualTo(1);
      assertThat(stats.get("duplicateComputations").asLong()).isZero();
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void checkThenActTwinComputesTheSameKeyForEveryRequestThatCameFirst() throws Exception {
    try (RunningTarget target = cache("check-then-act")) {
      List<Concurrently.Outcome<JsonNode>> answers = askForOneFreshKey(target);

      assertThat(answers).allSatisfy(a -> assertThat(a.failure()).isNull());
      JsonNode stats = target.get("/cache/stats");
      assertThat(stats.get("keys").asInt()).as("the map itself stays consistent").isEqualTo(1);
      assertThat(stats.get("duplicateComputations").asLong())
          .as("requests that checked while the first computation ran (100 ms) computed again")
          .isPositive()
          .isEqualTo(stats.get("computations").asLong() - 1);
    }
  }

  @Test
  void aKeyIsTheOperationIdWithItsTrailingNumberDividedByTheGroup() {
    assertThat(CacheController.key("lookups-k3x9a2b-17", 8)).isEqualTo("lookups-k3x9a2b-2");
    assertThat(CacheController.key("lookups-k3x9a2b-17", 1)).isEqualTo("lookups-k3x9a2b-17");
    assertThat(CacheController.key("plain", 8)).isEqualTo("plain");
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aGroupOutOfBoundsIsABadRequestNamingIt() {
    try (RunningTarget target = cache("once")) {
      var answer = target.send("GET", "/cache?op=a-1&group=0", Duration.ofSeconds(10));

      assertThat(answer.statusCode()).isEqualTo(400);
      assertThat(RunningTarget.parse(answer.body()).get("error").asString())
          .isEqualTo("group must be between 1 and 10000, was 0");
    }
  }
}
