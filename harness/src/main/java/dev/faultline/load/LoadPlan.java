package dev.faultline.load;

import dev.faultline.experiment.Limits;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The load of one experiment: steps that run concurrently, one Gatling scenario each. Validated at
 * construction; immutable.
 *
 * <p>{@code requestTimeout} is Gatling's {@code gatling.http.requestTimeout}: a request without a
 * complete response after it is INDETERMINATE. {@code seed} is recorded with the plan; injection is
 * deterministic today, so nothing draws from it yet.
 */
public record LoadPlan(
    String experiment, List<LoadStep> steps, Duration requestTimeout, long seed) {

  static final Duration MAX_REQUEST_TIMEOUT = Limits.MAX_REQUEST_TIMEOUT;

  public LoadPlan {
    if (experiment == null || experiment.isBlank()) {
      throw new IllegalArgumentException(
          "LoadPlan experiment must be a non-blank name, got '" + experiment + "'");
    }
    String where = "LoadPlan '" + experiment + "': ";
    if (steps == null || steps.isEmpty()) {
      throw new IllegalArgumentException(where + "steps must hold at least 1 step, got none");
    }
    steps = List.copyOf(steps);
    Set<String> names = new HashSet<>();
    for (LoadStep step : steps) {
      if (!names.add(step.name())) {
        throw new IllegalArgumentException(
            where
                + "step names must be unique (they prefix operation ids), '"
                + step.name()
                + "' appears twice");
      }
    }
    if (requestTimeout == null
        || requestTimeout.compareTo(Limits.MIN_REQUEST_TIMEOUT) < 0
        || requestTimeout.compareTo(MAX_REQUEST_TIMEOUT) > 0) {
      throw new IllegalArgumentException(
          where
              + "requestTimeout must be >= 1ms and <= "
              + MAX_REQUEST_TIMEOUT
              + ", got "
              + requestTimeout);
    }
  }

  /** The longest ramp plus duration of any step: when the last request may start. */
  public Duration activeFor() {
    return steps.stream().map(LoadStep::activeFor).max(Duration::compareTo).orElseThrow();
  }
}
