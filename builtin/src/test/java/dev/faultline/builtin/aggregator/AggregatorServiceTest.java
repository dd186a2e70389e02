package dev.faultline.builtin.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.faultline.builtin.support.RunningTarget;
import dev.faultline.builtin.support.SharedTarget;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** The aggregator against a real downstream target, listed twice so the fan-out is two wide. */
class AggregatorServiceTest {

  private static final long SLOW_MS = 3000;
  private static final long DEADLINE_MS = 300;
  // Generous for a loaded CI box, and still far below SLOW_MS.
  private static final long TOLERANCE_MS = 1000;

  @RegisterExtension static final SharedTarget DOWNSTREAM = SharedTarget.downstream("d1");

  private static RunningTarget aggregator(String variant) {
    return RunningTarget.start(
        "aggregator",
        variant,
        "--faultline.aggregator.downstreams="
            + DOWNSTREAM.get().baseUrl()
            + ","
            + DOWNSTREAM.get().baseUrl(),
        "--faultline.aggregator.deadline=" + DEADLINE_MS + "ms",
        "--server.shutdown=immediate");
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void deadlineVariantAnswersPartiallyOnTimeAndCancelsTheSlowCalls() {
    try (RunningTarget target = aggregator("deadline")) {
      JsonNode fast = target.get("/aggregate?ms=5");
      assertThat(fast.get("parts").toString()).isEqualTo("[\"d1\",\"d1\"]");
      assertThat(fast.get("partial").asBoolean()).isFalse();

      long start = System.nanoTime();
      JsonNode slow = target.get("/aggregate?ms=" + SLOW_MS);
      long elapsedMs = (System.nanoTime() - start) / 1_000_000;

      assertThat(elapsedMs).isLessThan(DEADLINE_MS + TOLERANCE_MS);
      assertThat(slow.get("partial").asBoolean()).isTrue();
      assertThat(slow.get("timedOut").asInt()).isEqualTo(2);
      assertThat(target.get("/aggregate/stats").get("timeoutsFired").asLong()).isEqualTo(1);
      await("cancelled calls end long before the downstream would have answered")
          .atMost(Duration.ofMillis(SLOW_MS / 2))
          .until(() -> target.get("/aggregate/stats").get("inFlightDownstreamCalls").asLong() == 0);
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void noCancelTwinAnswersOnTimeButLeavesTheCallsRunningOnTheirThreads() {
    try (RunningTarget target = aggregator("no-cancel")) {
      JsonNode slow = target.get("/aggregate?ms=" + SLOW_MS);

      assertThat(slow.get("elapsedMs").asLong()).isLessThan(DEADLINE_MS + TOLERANCE_MS);
      assertThat(slow.get("timedOut").asInt()).isEqualTo(2);
      JsonNode stats = target.get("/aggregate/stats");
      assertThat(stats.get("timeoutsFired").asLong()).isEqualTo(1);
      assertThat(stats.get("inFlightDownstreamCalls").asLong())
          .as("nobody cancelled them")
          .isEqualTo(2);
      assertThat(stats.get("liveFanoutThreads").asInt()).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void noDeadlineTwinHangsForAsLongAsTheSlowestDownstream() {
    try (RunningTarget target = aggregator("no-deadline")) {
      assertThatThrownBy(
              () -> target.send("GET", "/aggregate?ms=" + SLOW_MS, Duration.ofMillis(1000)))
          .hasRootCauseInstanceOf(HttpTimeoutException.class);

      JsonNode stats = target.get("/aggregate/stats");
      assertThat(stats.get("timeoutsFired").asLong()).isZero();
      assertThat(stats.get("inFlightDownstreamCalls").asLong()).isEqualTo(2);
      assertThat(DOWNSTREAM.get().get("/downstream/stats").get("inFlight").asLong()).isPositive();
    }
  }
}
