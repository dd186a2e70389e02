package dev.faultline.builtin.counter;

/**
 * A counter whose increment is a read-compute-write with some work in the middle. Whether it is
 * thread-safe is up to each variant (the buggy twin is not).
 */
interface Counter {

  /**
   * Applies one increment and returns the value this increment produced.
   *
   * @param op the operation id, or null/empty when the client sent none; only a counter that keeps
   *     a journal records it, the others ignore it
   */
  long increment(String op);

  /** The current value. */
  long value();

  /** Sets the value to zero. */
  void reset();

  /**
   * What this counter recovered from disk when the process started. A counter that lives in memory
   * recovered nothing; a durable one replayed its journal, and the controller restores its own
   * ground truth (executed increments, applied op ids) from the same replay.
   */
  default JournalReplay replayed() {
    return JournalReplay.NOTHING;
  }
}
