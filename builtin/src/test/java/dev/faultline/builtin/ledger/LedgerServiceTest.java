package dev.faultline.builtin.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.builtin.support.Concurrently;
import dev.faultline.builtin.support.RunningTarget;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The ledger under a real Chaos Monkey exception assault on its {@code @Service}: set up at startup
 * and switched on and off through the actuator, as the harness does.
 */
class LedgerServiceTest {

  private static final int LATER_ENTRIES = 3;

  private static RunningTarget ledger(String variant, String shutdown) {
    return RunningTarget.start(
        "ledger",
        variant,
        "--spring.profiles.active=chaos-monkey",
        "--chaos.monkey.watcher.controller=false",
        "--chaos.monkey.watcher.rest-controller=false",
        "--chaos.monkey.watcher.service=true",
        "--chaos.monkey.assaults.level=1",
        "--chaos.monkey.assaults.exceptions-active=true",
        "--server.shutdown=" + shutdown);
  }

  /** One entry under the assault, which must fail, then the assault off again. */
  private static void failOneEntry(RunningTarget target) {
    target.post("/actuator/chaosmonkey/enable");
    assertThat(
            target.send("POST", "/ledger/entries?op=doomed", Duration.ofSeconds(10)).statusCode())
        .isEqualTo(500);
    target.post("/actuator/chaosmonkey/disable");
  }

  /** {@value #LATER_ENTRIES} concurrent entries after the failure, each allowed one second. */
  private static List<Concurrently.Outcome<Integer>> laterEntries(RunningTarget target)
      throws Exception {
    return Concurrently.run(
        LATER_ENTRIES,
        i ->
            () ->
                target
                    .send("POST", "/ledger/entries?op=later-" + i, Duration.ofSeconds(1))
                    .statusCode(),
        Duration.ofSeconds(10));
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void finallyVariantReleasesTheLockWhenTheAuditThrows() throws Exception {
    try (RunningTarget target = ledger("finally", "immediate")) {
      assertThat(target.post("/ledger/entries?op=first").get("balance").asLong()).isEqualTo(1);
      failOneEntry(target);

      assertThat(laterEntries(target)).allSatisfy(e -> assertThat(e.value()).isEqualTo(200));
      var stats = target.get("/ledger/stats");
      assertThat(stats.get("posted").asLong()).isEqualTo(1 + LATER_ENTRIES);
      assertThat(stats.get("failed").asLong()).isEqualTo(1);
      assertThat(stats.get("lockHeld").asBoolean()).isFalse();
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void noFinallyTwinKeepsTheLockAfterTheAuditThrowsAndLaterEntriesWaitBehindIt() throws Exception {
    long started = 0;
    try (RunningTarget target = ledger("no-finally", "graceful")) {
      failOneEntry(target);

      List<Concurrently.Outcome<Integer>> later = laterEntries(target);
      assertThat(later.stream().filter(e -> e.failure() != null))
          .as("at most one of them can run on the thread that holds the lock (it is reentrant)")
          .hasSizeGreaterThanOrEqualTo(LATER_ENTRIES - 1)
          .allSatisfy(
              e -> assertThat(e.failure()).hasRootCauseInstanceOf(HttpTimeoutException.class));
      var stats = target.get("/ledger/stats");
      assertThat(stats.get("lockHeld").asBoolean()).isTrue();
      assertThat(stats.get("waiting").asInt()).isGreaterThanOrEqualTo(LATER_ENTRIES - 1);
      started = System.nanoTime();
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("a graceful shutdown still ends: its 5 s phase bound, then the waiters are interrupted")
        .isLessThan(Duration.ofSeconds(15));
  }
}
