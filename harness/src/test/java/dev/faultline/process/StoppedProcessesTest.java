package dev.faultline.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.faultline.InfrastructureException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StoppedProcessesTest {

  @Test
  void aStoppedProcessIsRegisteredUntilResumedAndResumeAllLeavesNoneStopped() throws Exception {
    Process sleeper = ChildProcesses.register("sleeper", new ProcessBuilder("sleep", "60").start());
    try {
      StoppedProcesses.stop(sleeper.pid(), "sleeper");
      await().atMost(Duration.ofSeconds(5)).until(() -> StoppedProcesses.isStopped(sleeper.pid()));
      assertThat(StoppedProcesses.stopped()).containsEntry(sleeper.pid(), "sleeper");

      StoppedProcesses.resumeAll();

      await().atMost(Duration.ofSeconds(5)).until(() -> !StoppedProcesses.isStopped(sleeper.pid()));
      assertThat(StoppedProcesses.stopped()).isEmpty();
      assertThat(StoppedProcesses.resume(sleeper.pid())).as("a second resume is a no-op").isFalse();
    } finally {
      ChildProcesses.stop(sleeper, Duration.ofSeconds(5));
    }
  }

  @Test
  void stoppingAPausedChildResumesItFirstSoSigtermEndsItWithoutTheGrace() throws Exception {
    Process sleeper = ChildProcesses.register("sleeper", new ProcessBuilder("sleep", "60").start());
    StoppedProcesses.stop(sleeper.pid(), "sleeper");
    await().atMost(Duration.ofSeconds(5)).until(() -> StoppedProcesses.isStopped(sleeper.pid()));

    boolean forced = ChildProcesses.stop(sleeper, Duration.ofSeconds(20));

    assertThat(forced).as("SIGTERM sufficed").isFalse();
    assertThat(sleeper.isAlive()).isFalse();
    assertThat(StoppedProcesses.stopped()).isEmpty();
  }

  @Test
  void aProcessThatIsGoneCannotBeStoppedAndIsNotLeftRegistered() throws Exception {
    Process done = new ProcessBuilder("true").start();
    done.waitFor(5, TimeUnit.SECONDS);
    assertThatThrownBy(() -> StoppedProcesses.stop(done.pid(), "done"))
        .isInstanceOf(InfrastructureException.class)
        .hasMessageContaining("/bin/kill -STOP " + done.pid() + " failed");
    assertThat(StoppedProcesses.stopped()).doesNotContainKey(done.pid());
  }
}
