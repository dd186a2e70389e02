package dev.faultline.builtin.support;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed amount of simulated work: the calling thread parks for the duration. Parking (rather than
 * spinning) is deliberate: it models a read-compute-write that waits on something, opens the race
 * window of the buggy twins, and does not burn the two shared cores. This is work inside the
 * service under test, not a test waiting for something.
 *
 * @param duration how long one unit of work takes; zero means no work
 */
public record SimulatedWork(Duration duration) {

  /** Validates the duration. */
  public SimulatedWork {
    if (duration == null || duration.isNegative()) {
      throw new IllegalArgumentException("work duration must be >= 0, was " + duration);
    }
  }

  /** Does one unit of work. Returns early, with the interrupt flag set, if interrupted. */
  public void run() {
    long nanos = duration.toNanos();
    if (nanos == 0) {
      return;
    }
    long deadline = System.nanoTime() + nanos;
    for (long left = nanos; left > 0 && !Thread.currentThread().isInterrupted(); ) {
      LockSupport.parkNanos(left); // may return spuriously: park again for what is left
      left = deadline - System.nanoTime();
    }
  }
}
