package dev.faultline.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records this test's own JVM through its platform MBean server, the way the harness records a
 * target over JMX: saved once at the end (a scheduled run), or streamed live (a game day).
 */
@Timeout(90)
class TargetRecordingTest {

  /** A monitor with a telling class. */
  static final class Ledger {}

  @Test
  void a_run_recording_is_saved_as_a_jfr_file_that_reads_back_with_the_contended_monitor(
      @TempDir Path dir) throws Exception {
    Instant from = Instant.now();
    Path file;
    try (TargetRecording r =
        TargetRecording.start("self", ManagementFactory.getPlatformMBeanServer(), false)) {
      contend(new Ledger());
      file = TargetRecording.await(r.saveTo(dir.resolve("self.jfr")));
      assertThat(r.live().top(from)).as("a run's recording is not streamed").isEmpty();
    }
    TargetProfile p =
        ProfileReader.read(
            "self", file, List.of(new ProfileWindow("whole load", from, Instant.now())));
    assertThat(p.windows().get(0).locks())
        .extracting(LockWait::lock)
        .contains(Ledger.class.getName());
  }

  @Test
  void a_game_day_recording_streams_its_lock_waits_live() throws Exception {
    Instant from = Instant.now();
    try (TargetRecording r =
        TargetRecording.start("self", ManagementFactory.getPlatformMBeanServer(), true)) {
      contend(new Ledger());
      await("the contended monitor streamed")
          .atMost(Duration.ofSeconds(30))
          .until(() -> r.live().top(from).isPresent());
      LiveContention.Top top = r.live().top(from).orElseThrow();
      assertThat(top.lock()).isEqualTo(Ledger.class.getName());
      assertThat(top.threads()).isGreaterThanOrEqualTo(2);
    }
  }

  /** Three threads take the monitor at once and hold it 60 ms each, so two wait. */
  private static void contend(Ledger ledger) throws InterruptedException {
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(3);
    for (int i = 0; i < 3; i++) {
      new Thread(
              () -> {
                try {
                  start.await();
                  synchronized (ledger) {
                    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(60);
                    while (System.nanoTime() < until) {
                      Thread.onSpinWait();
                    }
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                done.countDown();
              },
              "ledger-worker-" + i)
          .start();
    }
    start.countDown();
    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
  }
}
