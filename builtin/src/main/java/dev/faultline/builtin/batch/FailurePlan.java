package dev.faultline.builtin.batch;

import java.util.Random;

/**
 * Decides which tasks die: either the next {@code count} tasks, or each task with probability
 * {@code rate} drawn from a Random seeded with {@code seed}, so that the same plan and the same
 * sequence of submissions kill the same tasks. Decisions are drawn at submission time, in order.
 *
 * <p>Thread-safe: all state is guarded by this object's monitor.
 */
final class FailurePlan {

  private double rate;
  private long seed;
  private int remainingCount;
  private Random random = new Random(0);

  /** The plan as configured, for the JSON answer. */
  record Settings(double rate, long seed, int count) {}

  synchronized Settings configure(double rate, long seed, int count) {
    this.rate = rate;
    this.seed = seed;
    this.remainingCount = count;
    this.random = new Random(seed);
    return settings();
  }

  synchronized Settings settings() {
    return new Settings(rate, seed, remainingCount);
  }

  synchronized boolean nextTaskFails() {
    if (remainingCount > 0) {
      remainingCount--;
      return true;
    }
    return rate > 0 && random.nextDouble() < rate;
  }
}
