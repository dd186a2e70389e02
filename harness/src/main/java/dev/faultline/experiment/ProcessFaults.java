package dev.faultline.experiment;

import java.time.Duration;

/** Faults on a target's process (kill, pause) and on its worker threads. */
public final class ProcessFaults {

  private ProcessFaults() {}

  /**
   * SIGKILL of a target's process (a container: docker kill), optionally restarted after a delay.
   */
  @Key("kill-process")
  @Doc(
      "Kills the target's process with SIGKILL; restarts it after restart-after if given, measuring downtime and time to healthy.")
  public record KillProcess(
      @Required @Doc("The target to kill.") String target,
      @Doc("Restart the target this long after the kill; absent: it stays down.")
          Duration restartAfter)
      implements Fault {

    @Override
    public <R> R match(Cases<R> cases) {
      return cases.killProcess(this);
    }
  }

  /**
   * SIGSTOP of a target's process for the fault's duration, then SIGCONT: a hung worker, not a dead
   * one.
   */
  @Key("pause-process")
  @Doc("Pauses the target's process (SIGSTOP) while the fault is on, then resumes it (SIGCONT).")
  public record PauseProcess(@Required @Doc("The target to pause.") String target)
      implements Fault {

    @Override
    public <R> R match(Cases<R> cases) {
      return cases.pauseProcess(this);
    }
  }

  /** Worker threads of a target die mid-task with an uncaught error, like a panicking goroutine. */
  @Key("kill-worker")
  @Doc(
      "Makes the target's worker threads die mid-task with an uncaught error, at a rate or a count (the batch target, through its POST /batch/failures).")
  public record KillWorker(
      @Required @Doc("The target whose workers die.") String target,
      @Doc("Share of tasks whose worker dies, e.g. 10%.") Percent rate,
      @Doc("Number of tasks whose worker dies.") Integer count)
      implements Fault {

    @Override
    public <R> R match(Cases<R> cases) {
      return cases.killWorker(this);
    }

    @Override
    public String toString() {
      return "KillWorker[target="
          + target
          + ", "
          + (count != null ? "count=" + count : "rate=" + rate)
          + "]";
    }
  }
}
