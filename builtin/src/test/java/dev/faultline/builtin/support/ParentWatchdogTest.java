package dev.faultline.builtin.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ParentWatchdogTest {

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  @SuppressWarnings(
      "try") // the watchdog is used for its lifetime only; -Xlint:try warnings fail the build
  void theWatchdogFiresWithinSecondsOfTheParentDyingAndNotBefore() throws Exception {
    Process parent = new ProcessBuilder("sleep", "60").start();
    CountDownLatch fired = new CountDownLatch(1);
    try (ParentWatchdog watchdog = new ParentWatchdog(parent.pid(), fired::countDown).start()) {
      assertThat(fired.await(1500, TimeUnit.MILLISECONDS))
          .as("the parent is alive: no exit from " + watchdog)
          .isFalse();

      parent.destroyForcibly().waitFor(5, TimeUnit.SECONDS);

      assertThat(fired.await(5, TimeUnit.SECONDS)).as("exit once the parent is gone").isTrue();
    } finally {
      parent.destroyForcibly();
    }
  }
}
