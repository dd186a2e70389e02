package dev.faultline.targets.counter;

/** A counter whose increment is a read-compute-write with some work in the middle. */
interface Counter {

  /** Applies one increment and returns the value this increment produced. */
  long increment();

  /** The current value. */
  long value();

  /** Sets the value to zero. */
  void reset();
}
