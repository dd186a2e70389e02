package dev.faultline.profile;

import java.time.Duration;
import java.util.List;

/**
 * How long threads waited for one lock within a window, counting only waits above the recording
 * threshold ({@value ProfileSettings#THRESHOLD}).
 *
 * @param lock the lock's class (a monitor's class, or the class of a {@code Lock})
 * @param kind {@code monitor} for {@code synchronized}, {@code lock} for a {@code Lock}
 * @param blocked the total time threads were blocked on it in the window
 * @param longest the longest single wait
 * @param threads how many threads waited
 * @param waits how many waits were recorded
 * @param stack the stack that waited longest in total, innermost frame first
 */
public record LockWait(
    String lock,
    String kind,
    Duration blocked,
    Duration longest,
    int threads,
    int waits,
    List<String> stack) {

  public LockWait {
    stack = List.copyOf(stack);
  }
}
