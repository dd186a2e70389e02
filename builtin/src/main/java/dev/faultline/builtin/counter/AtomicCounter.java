package dev.faultline.builtin.counter;

import dev.faultline.builtin.support.SimulatedWork;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Correct: the work is done first, outside any lock, and the write is one atomic add, so no update
 * can be lost. Thread-safe.
 */
final class AtomicCounter implements Counter {

  private final AtomicLong value = new AtomicLong();
  private final SimulatedWork work;

  AtomicCounter(SimulatedWork work) {
    this.work = work;
  }

  @Override
  public long increment(String op) {
    work.run();
    return value.incrementAndGet();
  }

  @Override
  public long value() {
    return value.get();
  }

  @Override
  public void reset() {
    value.set(0);
  }
}
