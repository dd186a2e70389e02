package dev.faultline.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ProfileReaderTest {

  /** A monitor with a telling class, as a service would have. */
  static final class QuoteBook {}

  @Test
  void windows_are_before_the_first_fault_each_fault_and_after_rollback() {
    Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
    List<ProfileWindow> w =
        ProfileReader.windows(
            t0,
            t0.plusSeconds(10),
            List.of(new ProfileWindow("slow-downstream", t0.plusSeconds(3), t0.plusSeconds(7))));
    assertThat(w)
        .containsExactly(
            new ProfileWindow("before the first fault", t0, t0.plusSeconds(3)),
            new ProfileWindow("slow-downstream", t0.plusSeconds(3), t0.plusSeconds(7)),
            new ProfileWindow("after rollback", t0.plusSeconds(7), t0.plusSeconds(10)));
    assertThat(ProfileReader.windows(t0, t0.plusSeconds(10), List.of()))
        .containsExactly(new ProfileWindow("whole load", t0, t0.plusSeconds(10)));
  }

  @Test
  void an_array_used_as_a_monitor_is_named_as_java_writes_it() {
    assertThat(ProfileReader.readable("[I")).isEqualTo("int[]");
    assertThat(ProfileReader.readable("[[Ljava.lang.String;")).isEqualTo("java.lang.String[][]");
    assertThat(ProfileReader.readable("com.acme.QuoteBook")).isEqualTo("com.acme.QuoteBook");
  }

  @Test
  @Timeout(60)
  void threads_blocked_on_a_monitor_and_a_lock_are_summed_per_window_with_the_stack_that_waited(
      @TempDir Path dir) throws Exception {
    Path file = dir.resolve("target.jfr");
    Instant quiet;
    Instant contended;
    Instant end;
    try (Recording r = new Recording()) {
      r.setSettings(ProfileSettings.settings());
      r.start();
      quiet = Instant.now();
      contended = quiet.plusMillis(1);
      contend(new QuoteBook(), new ReentrantLock());
      end = Instant.now().plusMillis(1);
      r.stop();
      r.dump(file);
    }
    TargetProfile p =
        ProfileReader.read(
            "quotes",
            file,
            List.of(
                new ProfileWindow("quiet", quiet.minusSeconds(60), quiet.minusSeconds(59)),
                new ProfileWindow("contended", contended, end)));
    assertThat(p.windows().get(0).locks()).as("nothing waited before the recording").isEmpty();
    List<LockWait> locks = p.windows().get(1).locks();
    LockWait monitor =
        locks.stream().filter(l -> l.lock().endsWith("QuoteBook")).findFirst().orElseThrow();
    assertThat(monitor.kind()).isEqualTo("monitor");
    assertThat(monitor.threads()).isGreaterThanOrEqualTo(2);
    assertThat(monitor.blocked()).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    assertThat(monitor.stack().get(0)).contains("ProfileReaderTest.lambda$contend$");
    LockWait lock =
        locks.stream()
            .filter(l -> l.lock().equals("java.util.concurrent.locks.ReentrantLock"))
            .findFirst()
            .orElseThrow();
    assertThat(lock.kind()).isEqualTo("lock");
    assertThat(lock.blocked()).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    assertThat(p.windows().get(1).waiting()).isNotEmpty();
    assertThat(p.windows().get(1).timeByState().get(WindowAggregate.MONITOR))
        .isGreaterThanOrEqualTo(Duration.ofMillis(100));
  }

  /** Three threads hold the monitor for 60 ms each, then the lock, while the others wait. */
  private static void contend(QuoteBook book, ReentrantLock lock) throws InterruptedException {
    together(
        () -> {
          synchronized (book) {
            hold();
          }
        });
    together(
        () -> {
          lock.lock();
          try {
            hold();
          } finally {
            lock.unlock();
          }
        });
  }

  /** Runs {@code work} on three threads released at once, and waits for them. */
  private static void together(Runnable work) throws InterruptedException {
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(3);
    for (int i = 0; i < 3; i++) {
      new Thread(
              () -> {
                try {
                  start.await();
                  work.run();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                done.countDown();
              },
              "quote-worker-" + i)
          .start();
    }
    start.countDown();
    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
  }

  /** Holds what the caller locked for 60 ms, so that the others wait (the point of the test). */
  private static void hold() {
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(60);
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
  }
}
