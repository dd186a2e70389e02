package dev.faultline.builtin.counter;

import dev.faultline.builtin.support.SimulatedWork;
import java.util.concurrent.locks.ReentrantLock;

/** Correct: one ReentrantLock held across read, work and write. Thread-safe. */
final class LockedCounter implements Counter {

  private final ReentrantLock lock = new ReentrantLock();
  private final SimulatedWork work;
  private long value; // guarded by lock

  LockedCounter(SimulatedWork work) {
    this.work = work;
  }

  @Override
  public long increment(String op) {
    lock.lock();
    try {
      long read = value;
      work.run();
      value = read + 1;
      return value;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public long value() {
    lock.lock();
    try {
      return value;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void reset() {
    lock.lock();
    try {
      value = 0;
    } finally {
      lock.unlock();
    }
  }
}
