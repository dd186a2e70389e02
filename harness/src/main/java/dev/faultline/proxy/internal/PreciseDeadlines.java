package dev.faultline.proxy.internal;

import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import java.util.PriorityQueue;

/**
 * The actions that stages on one event-loop thread want run to the microsecond, so the loop's
 * {@link SpinningSelectStrategy} can poll instead of sleeping just before one is due and run it
 * itself at its due time. A sleeping thread wakes 0.1–0.3 ms late on a virtual machine; a polling
 * one does not, and an action run by the poll does not wait for the loop's own timer queue (whose
 * deadline is computed a little later than the stage's). Each registering stage also sets an
 * event-loop timer for the same due time, which runs the action if the loop sleeps through it (out
 * of polling budget); the action must tolerate being offered twice. Each event loop thread has its
 * own instance and only that thread touches it.
 */
final class PreciseDeadlines {
  private static final InternalLogger LOG =
      InternalLoggerFactory.getInstance(PreciseDeadlines.class);
  private static final ThreadLocal<PreciseDeadlines> OF_THREAD =
      ThreadLocal.withInitial(PreciseDeadlines::new);

  /** A deadline this far in the past was left behind by a bug; drop it rather than spin on it. */
  private static final long STALE_NANOS = 50_000_000L;

  /** One registered action; identity matters, two may share a due time. */
  static final class Deadline {
    private final long dueNanos;
    private final Runnable action;

    private Deadline(long dueNanos, Runnable action) {
      this.dueNanos = dueNanos;
      this.action = action;
    }

    long dueNanos() {
      return dueNanos;
    }
  }

  private final PriorityQueue<Deadline> due =
      new PriorityQueue<>((a, b) -> Long.compare(a.dueNanos - b.dueNanos, 0));

  private PreciseDeadlines() {}

  /** The deadlines of the calling event-loop thread. */
  static PreciseDeadlines ofThisThread() {
    return OF_THREAD.get();
  }

  /** Registers {@code action} to run at {@code dueNanos}; the handle removes it. */
  Deadline add(long dueNanos, Runnable action) {
    Deadline deadline = new Deadline(dueNanos, action);
    due.add(deadline);
    return deadline;
  }

  void remove(Deadline deadline) {
    due.remove(deadline);
  }

  boolean isEmpty() {
    return due.isEmpty();
  }

  /** The nearest due time; only valid when not {@link #isEmpty()}. */
  long nearest(long nowNanos) {
    Deadline first;
    while ((first = due.peek()) != null && nowNanos - first.dueNanos > STALE_NANOS) {
      due.poll();
    }
    return first == null ? nowNanos + STALE_NANOS : first.dueNanos;
  }

  /**
   * Runs, in due order, every action due at {@code nowNanos}; returns how many ran. A failing
   * action is logged, as the event loop logs a failing task, and never stops the others or the
   * loop.
   */
  int runDue(long nowNanos) {
    int ran = 0;
    Deadline first;
    while ((first = due.peek()) != null && first.dueNanos - nowNanos <= 0) {
      due.poll();
      try {
        first.action.run();
      } catch (RuntimeException e) {
        LOG.warn("a toxic's timed release failed", e);
      }
      ran++;
    }
    return ran;
  }
}
