package dev.faultline.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A harness killed with SIGKILL — which runs no shutdown hook — leaves no child running and none
 * stopped.
 */
class ExitGuardianTest {

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void a_harness_killed_with_sigkill_leaves_no_child_stopped_or_running() throws Exception {
    Process harness =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                GuardedHarnessMain.class.getName())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(harness.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertThat(line).as("the stand-in harness printed its children").startsWith("pids ");
      String[] f = line.split(" ");
      long paused = Long.parseLong(f[1]);
      long guardian = Long.parseLong(f[4]);
      List<ProcessHandle> family = new ArrayList<>(harness.descendants().toList());
      assertThat(family)
          .as("two children, the stubborn one's sleep, and the guardian")
          .hasSizeGreaterThanOrEqualTo(4);
      assertThat(family.stream().map(ProcessHandle::pid)).contains(guardian);
      await("the paused child stopped")
          .atMost(Duration.ofSeconds(10))
          .until(() -> StoppedProcesses.isStopped(paused));

      long t0 = System.nanoTime();
      harness.destroyForcibly(); // SIGKILL
      harness.waitFor();

      await("every child of the killed harness gone, the guardian too")
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> family.stream().noneMatch(ProcessHandle::isAlive));
      System.out.printf(
          "ExitGuardianTest: %d processes gone %d ms after the SIGKILL%n",
          family.size(), (System.nanoTime() - t0) / 1_000_000);
    } finally {
      harness.descendants().forEach(ProcessHandle::destroyForcibly);
      harness.destroyForcibly();
    }
  }
}
