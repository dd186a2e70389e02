package dev.faultline.profile;

import java.util.Locale;
import java.util.Objects;

/**
 * What the weights of a {@link FlameTree} count, and how one reads: CPU samples ("1,234 samples")
 * or nanoseconds a thread spent in a state ("1.2 s blocked"). Immutable, thread-safe.
 */
public final class WeightUnit {

  private final String state;

  private WeightUnit(String state) {
    this.state = state;
  }

  /** Weights are numbers of samples, as from CPU sampling. */
  public static WeightUnit samples() {
    return new WeightUnit(null);
  }

  /**
   * Weights are nanoseconds spent in a state, as from blocking or parking events.
   *
   * @param state the word that follows the time in a tooltip: "blocked", "parked", "waiting"
   */
  public static WeightUnit nanoseconds(String state) {
    Objects.requireNonNull(state, "state");
    if (state.isBlank()) {
      throw new IllegalArgumentException("state must name what the time was spent in, was blank");
    }
    return new WeightUnit(state.strip());
  }

  /** "1 sample", "1,234 samples"; "0.42 ms blocked", "12.3 ms blocked", "812 ms", "1.2 s". */
  public String format(long weight) {
    if (state == null) {
      return String.format(Locale.ROOT, "%,d %s", weight, weight == 1 ? "sample" : "samples");
    }
    return time(weight) + " " + state;
  }

  private static String time(long nanos) {
    double millis = nanos / 1e6;
    if (millis >= 1000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000);
    }
    if (millis >= 100) {
      return String.format(Locale.ROOT, "%.0f ms", millis);
    }
    if (millis >= 1) {
      return String.format(Locale.ROOT, "%.1f ms", millis);
    }
    return String.format(Locale.ROOT, "%.2f ms", millis);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WeightUnit unit && Objects.equals(state, unit.state);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(state);
  }

  /** "samples" or "nanoseconds blocked". */
  @Override
  public String toString() {
    return state == null ? "samples" : "nanoseconds " + state;
  }
}
