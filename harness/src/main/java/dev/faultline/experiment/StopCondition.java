package dev.faultline.experiment;

/** A guard that aborts a run early; written as a one-key map. */
public sealed interface StopCondition
    permits StopConditions.ErrorRateAbove, StopConditions.TargetDied {

  /** The YAML key of this kind. */
  default String kindName() {
    return getClass().getAnnotation(Key.class).value();
  }
}
