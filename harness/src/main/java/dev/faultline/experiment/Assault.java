package dev.faultline.experiment;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A Chaos Monkey for Spring Boot assault, set through the target's actuator while the fault is on.
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
        watchers == null || watchers.isEmpty() ? List.of("rest-controller") : List.copyOf(watchers);
  }

  /**
   * Only what is set, for the console and the report: {@code Assault[target=counter,
   * latency=200ms..400ms, ...]}.
   */
  @Override
  public String toString() {
    String what =
        latency != null
            ? "latency=" + Durations.format(latency.min()) + ".." + Durations.format(latency.max())
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
  public Set<Need> needs() {
    return Set.of(Need.CHAOS_MONKEY);
  }

  @Override
  public <R> R match(Cases<R> cases) {
    return cases.assault(this);
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
