package dev.faultline.experiment;

/** A check and its parameters; written in YAML as a one-key map, the key naming the kind. */
public sealed interface CheckSpec
    permits CounterConsistencySpec,
        CheckSpecs.TimeoutsFire,
        CheckSpecs.NoThreadLeak,
        CheckSpecs.NoDeadlock,
        CheckSpecs.Invariant,
        CheckSpecs.ResponseTime,
        CheckSpecs.ErrorRate {

  /** The name the report and {@code caught-by} use; the kind's key unless given. */
  String name();

  /** The YAML key of this kind. */
  default String kindName() {
    return getClass().getAnnotation(Key.class).value();
  }
}
