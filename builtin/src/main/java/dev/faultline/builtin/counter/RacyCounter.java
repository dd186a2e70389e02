package dev.faultline.builtin.counter;

import dev.faultline.builtin.support.SimulatedWork;

/**
 * BUGGY TWIN, on purpose: a plain field read, some work, then a write of the stale value plus one.
 * Two increments that overlap both read the same value and one of them is lost. Not thread-safe,
 * which is the point.
 */
final class RacyCounter implements Counter {

  private final SimulatedWork work;
  private long value; // deliberately unguarded and not volatile

  RacyCounter(SimulatedWork work) {
    this.work = work;
  }

  @Override
  public long increment(String op) {
    long read = value;
    work.run(); // widens the window between read and write, as a real computation would
    value = read + 1;
    return read + 1;
  }

  @Override
  public long value() {
    return value;
  }

  @Override
  public void reset() {
    value = 0;
  }
}
