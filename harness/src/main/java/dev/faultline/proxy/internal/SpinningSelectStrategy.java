package dev.faultline.proxy.internal;

import io.netty.channel.SelectStrategy;
import io.netty.util.IntSupplier;

/**
 * How a data-plane event loop waits for work: it polls for I/O a short while before it sleeps (the
 * reply of a request just forwarded usually arrives within that time, and a thread that did not
 * sleep does not pay the wake-up), and it polls rather than sleeps when a {@link PreciseDeadlines
 * precise deadline} is near, and runs that deadline's action itself the moment it is due. An idle
 * loop sleeps. Polling is paid from a budget that refills at {@link #SPIN_SHARE} of one core (at
 * most {@link #BUDGET_CAP_NANOS} saved up), so under heavy traffic a loop falls back to sleeping
 * instead of taking a core from the services under test. While it polls for I/O it yields its core
 * at each turn: the kernel tends to wake the reader of a loopback write on the writer's core, and
 * without the yield that reader (the peer the loop just wrote to) would wait for the poll to end;
 * this took 50 µs off the median round trip through a latency toxic here. Confined to its event
 * loop thread.
 */
final class SpinningSelectStrategy implements SelectStrategy {
  /** The share of one core a loop may spend polling, on average. */
  static final double SPIN_SHARE = 0.5;

  static final long BUDGET_CAP_NANOS = 10_000_000L;

  private final long ioSpinNanos;
  private final long timerSpinNanos;
  private final long budgetCapNanos;
  private long budgetNanos;
  private long refilledAt = System.nanoTime();

  SpinningSelectStrategy(long ioSpinNanos, long timerSpinNanos) {
    this(ioSpinNanos, timerSpinNanos, BUDGET_CAP_NANOS);
  }

  /** With another cap on the saved-up budget: tests that must not depend on the scheduler. */
  SpinningSelectStrategy(long ioSpinNanos, long timerSpinNanos, long budgetCapNanos) {
    this.ioSpinNanos = ioSpinNanos;
    this.timerSpinNanos = timerSpinNanos;
    this.budgetCapNanos = budgetCapNanos;
    this.budgetNanos = budgetCapNanos;
  }

  @Override
  public int calculateStrategy(IntSupplier selectNow, boolean hasTasks) throws Exception {
    int ready = selectNow.get();
    if (ready > 0 || hasTasks) {
      return ready;
    }
    long now = System.nanoTime();
    refill(now);
    PreciseDeadlines deadlines = PreciseDeadlines.ofThisThread();
    boolean deadlineNear = false;
    long deadline = 0;
    long spinUntil = now + ioSpinNanos;
    if (!deadlines.isEmpty()) {
      deadline = deadlines.nearest(now);
      if (deadline - now <= timerSpinNanos) {
        deadlineNear = true;
        spinUntil = deadline;
      }
    }
    long budgetEnd = now + budgetNanos;
    if (spinUntil - budgetEnd > 0) {
      spinUntil = budgetEnd;
    }
    long started = now;
    boolean due = false;
    try {
      while (true) {
        if (deadlineNear && now - deadline >= 0) {
          due = true;
          break;
        }
        if (spinUntil - now <= 0) {
          break;
        }
        if (deadlineNear) {
          Thread.onSpinWait(); // keep the core: the deadline is the point
        } else {
          Thread.yield(); // let a thread just woken on this core run: often the peer written to
        }
        ready = selectNow.get();
        if (ready > 0) {
          return ready;
        }
        now = System.nanoTime();
      }
    } finally {
      budgetNanos -= System.nanoTime() - started;
    }
    if (due) {
      deadlines.runDue(System.nanoTime());
      // the actions may have written or queued tasks: go round once more without sleeping
      return 0;
    }
    // nothing due: sleep; out of budget before a deadline, the stage's own loop timer wakes it
    return SelectStrategy.SELECT;
  }

  private void refill(long now) {
    budgetNanos = Math.min(budgetCapNanos, budgetNanos + (long) ((now - refilledAt) * SPIN_SHARE));
    refilledAt = now;
  }
}
