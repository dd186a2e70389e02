package dev.faultline.fault;

import static org.awaitility.Awaitility.await;

import dev.faultline.experiment.FaultSpec;
import dev.faultline.launch.Target;
import dev.faultline.process.StoppedProcesses;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Pauses a target's process with SIGSTOP while the fault is on — a hung worker, not a dead one: it
 * keeps its sockets, the kernel still accepts connections, nothing answers. Rollback sends SIGCONT.
 * The PID sits in {@link StoppedProcesses} meanwhile, whose shutdown hook resumes it if the harness
 * exits first. The state is read back from {@code /proc/<pid>/stat} both ways. Thread-safe.
 */
record ProcessPauseInjector(Target target) implements FaultInjector {

  private static final Duration STATE_BOUND = Duration.ofSeconds(5);

  @Override
  public ActiveFault apply(FaultSpec fault) {
    long pid = ProcessKillInjector.processOf(fault.name(), target, "pause").pid();
    StoppedProcesses.stop(pid, "target " + target.name() + " (fault " + fault.name() + ")");
    ActivePause active = new ActivePause(fault.name(), pid);
    try {
      awaitState(fault.name(), pid, true);
    } catch (RuntimeException e) {
      active.rollback();
      throw e;
    }
    return active;
  }

  private void awaitState(String fault, long pid, boolean stopped) {
    if (StoppedProcesses.state(pid).isEmpty()) {
      return; // Gone, or no /proc to read: nothing more to learn.
    }
    try {
      await("process " + pid + " of target " + target.name() + (stopped ? " stopped" : " running"))
          .atMost(STATE_BOUND)
          .pollInterval(Duration.ofMillis(20))
          .until(() -> StoppedProcesses.isStopped(pid) == stopped);
    } catch (ConditionTimeoutException e) {
      throw new FaultException(
          fault,
          "process "
              + pid
              + " of target "
              + target.name()
              + " is in state "
              + StoppedProcesses.state(pid).map(String::valueOf).orElse("?")
              + " "
              + STATE_BOUND.toSeconds()
              + " s after SIG"
              + (stopped ? "STOP" : "CONT")
              + (stopped ? "" : "; resume it by hand: kill -CONT " + pid),
          e);
    }
  }

  /** A paused process; rollback resumes it and proves it runs. */
  private final class ActivePause extends PausedTarget {
    private final long pid;

    ActivePause(String name, long pid) {
      super(name, target.name(), "pid", String.valueOf(pid));
      this.pid = pid;
    }

    @Override
    protected void resume() {
      StoppedProcesses.resume(pid);
    }

    @Override
    protected void awaitRunning() {
      awaitState(name(), pid, false);
    }

    @Override
    protected String summary(String target, double pausedSeconds) {
      return "pid " + pid + " of " + target + " stopped for " + pausedSeconds + " s, then resumed";
    }
  }
}
