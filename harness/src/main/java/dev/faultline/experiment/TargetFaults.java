package dev.faultline.experiment;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Faults that act on a target rather than a proxy: on its process (kill, pause), its worker
 * threads, and Chaos Monkey for Spring Boot assaults through its actuator.
 */
public final class TargetFaults {

  private TargetFaults() {}

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

  /**
   * A Chaos Monkey for Spring Boot assault, set through the target's actuator while the fault is
   * on.
   */
  @Key("assault")
  @Doc(
      "A Chaos Monkey for Spring Boot assault on the target: give one of latency, exception, kill-application, memory, cpu.")
  public record Assault(
      @Required @Doc("The target (Spring Boot with Chaos Monkey) to assault.") String target,
      @Doc("Adds a random delay between min and max to watched calls.") LatencyRange latency,
      @Doc("Throws this exception from watched calls.") ExceptionSpec exception,
      @Default("false") @Doc("Kills the application (Chaos Monkey's kill-application assault).")
          boolean killApplication,
      @Default("false") @Doc("Fills the heap (memory assault).") boolean memory,
      @Default("false") @Doc("Loads the CPU (cpu assault).") boolean cpu,
      @Default("1") @Doc("Every level-th watched call is attacked (1: every call).") int level,
      @Default("false") @Doc("Attack exactly every level-th call instead of at random.")
          boolean deterministic,
      @Doc(
              "Which beans are watched: controller, rest-controller, service, repository, component, bean. Default: rest-controller.")
          List<String> watchers)
      implements Fault {

    public Assault {
      watchers =
          watchers == null || watchers.isEmpty()
              ? List.of("rest-controller")
              : List.copyOf(watchers);
    }

    /**
     * Only what is set, for the console and the report: {@code Assault[target=counter,
     * latency=200ms..400ms, ...]}.
     */
    @Override
    public String toString() {
      String what =
          latency != null
              ? "latency="
                  + Durations.format(latency.min())
                  + ".."
                  + Durations.format(latency.max())
              : exception != null
                  ? "exception=" + exception.type() + "(\"" + exception.message() + "\")"
                  : killApplication ? "kill-application" : memory ? "memory" : cpu ? "cpu" : "none";
      return "Assault[target="
          + target
          + ", "
          + what
          + ", level="
          + level
          + (deterministic ? ", deterministic" : "")
          + ", watchers="
          + watchers
          + "]";
    }

    @Override
    public <R> R match(Cases<R> cases) {
      return cases.assault(this);
    }

    @Override
    public Set<Need> needs() {
      return Set.of(Need.CHAOS_MONKEY);
    }
  }

  /** A delay range. */
  @Doc("A delay range.")
  public record LatencyRange(@Required Duration min, @Required Duration max) {}

  /** An exception to throw. */
  @Doc("An exception type and message.")
  public record ExceptionSpec(
      @Default("java.lang.RuntimeException") @Doc("Fully qualified exception class.") String type,
      @Default("Chaos Monkey - RuntimeException") String message) {}
}
