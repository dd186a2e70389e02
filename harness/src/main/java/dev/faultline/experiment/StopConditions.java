package dev.faultline.experiment;

/** The stop conditions. */
public final class StopConditions {

  private StopConditions() {}

  /**
   * Aborts when the share of failed and indeterminate requests over the last seconds rises above a
   * bound.
   */
  @Key("error-rate-above")
  @Doc("Abort when the error rate over the last 5 s of load exceeds this share, e.g. 50%.")
  public record ErrorRateAbove(@Required @Key("error-rate-above") Percent threshold)
      implements StopCondition {}

  /** Aborts when a target process dies unexpectedly. */
  @Key("target-died")
  @Doc("Abort when this target exits while the run needs it.")
  public record TargetDied(@Required @Key("target-died") String target) implements StopCondition {}
}
