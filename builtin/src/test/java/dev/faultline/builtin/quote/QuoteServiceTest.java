package dev.faultline.builtin.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.faultline.builtin.support.Concurrently;
import dev.faultline.builtin.support.RunningTarget;
import dev.faultline.builtin.support.SharedTarget;
import dev.faultline.builtin.support.TargetSelectionException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** The quote service against a real downstream target that works {@value #WORK_MS} ms a call. */
class QuoteServiceTest {

  private static final int CLIENTS = 4;
  private static final long WORK_MS = 500;

  @RegisterExtension static final SharedTarget DOWNSTREAM = SharedTarget.downstream("d1");

  /** How long {@value #CLIENTS} concurrent quotes took together; each must answer d1. */
  private static Duration quoteConcurrently(RunningTarget target) throws Exception {
    long before = target.get("/quote/stats").get("quotes").asLong();
    long start = System.nanoTime();
    List<Concurrently.Outcome<JsonNode>> answers =
        Concurrently.run(
            CLIENTS, i -> () -> target.get("/quote?ms=" + WORK_MS), Duration.ofSeconds(20));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(answers)
        .allSatisfy(a -> assertThat(a.value().get("part").asString()).isEqualTo("d1"));
    assertThat(target.get("/quote/stats").get("quotes").asLong()).isEqualTo(before + CLIENTS);
    return took;
  }

  private static RunningTarget quote(String variant) {
    return RunningTarget.start(
        "quote",
        variant,
        "--faultline.quote.downstream=" + DOWNSTREAM.get().baseUrl(),
        "--server.shutdown=immediate");
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void outsideLockVariantCallsItsDownstreamInParallel() throws Exception {
    try (RunningTarget target = quote("outside-lock")) {
      target.get("/quote?ms=0"); // the first call sets up the HTTP client

      assertThat(quoteConcurrently(target))
          .as("four calls of 500 ms side by side, far from the 2 s they take in a row")
          .isLessThan(Duration.ofMillis(CLIENTS * WORK_MS - WORK_MS / 2));
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void coarseLockTwinServesOneCallAtATimeWithTheOthersBlockedOnTheQuoteBook() throws Exception {
    try (RunningTarget target = quote("coarse-lock")) {
      CompletableFuture<Duration> quotes =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return quoteConcurrently(target);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });

      await("a request thread blocked on the QuoteBook's monitor")
          .atMost(Duration.ofSeconds(10))
          .until(() -> blockedOn(QuoteBook.class.getName()));
      assertThat(quotes.get(20, TimeUnit.SECONDS))
          .as("the calls went one after the other")
          .isGreaterThanOrEqualTo(Duration.ofMillis(CLIENTS * WORK_MS));
    }
  }

  private static boolean blockedOn(String lockClass) {
    ThreadInfo[] threads = ManagementFactory.getThreadMXBean().dumpAllThreads(false, false);
    return Arrays.stream(threads)
        .anyMatch(
            t ->
                t.getThreadState() == Thread.State.BLOCKED
                    && t.getLockName() != null
                    && t.getLockName().startsWith(lockClass + "@"));
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void withoutADownstreamStartupFailsSayingHowToSetIt() {
    assertThatThrownBy(() -> RunningTarget.start("quote", "outside-lock"))
        .rootCause()
        .isInstanceOf(TargetSelectionException.class)
        .hasMessage(
            "The quote service needs its downstream as http://host:port: set"
                + " --faultline.quote.downstream=http://127.0.0.1:41001, or declare calls:"
                + " [downstream] in the experiment; got ''");
  }
}
