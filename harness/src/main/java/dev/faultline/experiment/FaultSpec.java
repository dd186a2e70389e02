package dev.faultline.experiment;

import java.time.Duration;
import java.util.Optional;

/**
 * A fault and its schedule: switched on {@code at} after load starts and off after {@code for}
 * (absent: for the rest of the load). In a game day a person switches it instead.
 */
@Doc("A fault with its schedule. Give the fault's kind as one key: " + Doc.KINDS + ".")
public record FaultSpec(
    @Required @Doc("Name of the fault, used in the report and the timeline.") String name,
    @Default("0s") @Doc("When the fault switches on, after load starts.") Duration at,
    @Key("for") @Doc("How long it stays on; absent: until the load ends.") Duration duration,
    @Required @Inline Fault kind) {

  /** How long the fault stays on, if bounded. */
  public Optional<Duration> window() {
    return Optional.ofNullable(duration);
  }
}
