package dev.faultline.proxy.internal;

import java.util.PriorityQueue;

/**
 * The deadlines that stages on one event-loop thread want met to the microsecond, so the loop's
 * {@link SpinningSelectStrategy} can poll instead of sleeping just before one is due. A sleeping
 * thread wakes 0.1–0.3 ms late on a virtual machine; a polling one does not. Each event loop
 * thread has its own instance and only that thread touches it.
 */
final class PreciseDeadlines {
  private static final ThreadLocal<PreciseDeadlines> OF_THREAD =
      ThreadLocal.withInitial(PreciseDeadlines::new);
  /** A deadline this far in the past was left behind by a bug; drop it rather than spin on it. */
  private static final long STALE_NANOS = 50_000_000L;

  private final PriorityQueue<Long> due = new PriorityQueue<>();

  private PreciseDeadlines() {}

  /** The deadlines of the calling event-loop thread. */
  static PreciseDeadlines ofThisThread() {
    return OF_THREAD.get();
  }

  void add(long dueNanos) {
    due.add(dueNanos);
  }

  void remove(long dueNanos) {
    due.remove(dueNanos);
  }

  boolean isEmpty() {
    return due.isEmpty();
  }

  /** The nearest deadline; only valid when not {@link #isEmpty()}. */
  long nearest(long nowNanos) {
    Long first;
    while ((first = due.peek()) != null && nowNanos - first > STALE_NANOS) {
      due.poll();
    }
    return first == null ? nowNanos + STALE_NANOS : first;
  }
}
