package dev.faultline.proxy.internal;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * A stage that releases chunks at due times, in order: one FIFO queue and at most one event-loop
 * timer armed for its head, so delays never reorder. The timer is set early and the last {@link
 * DataPlane#TIMER_SPIN_NANOS} are waited by the polling loop, which releases the head itself at its
 * due time ({@link PreciseDeadlines}), so a chunk leaves within microseconds of its due time
 * instead of a thread wake-up late. Holding more than {@link #HIGH_WATER_BYTES} pauses reading from
 * the source.
 */
abstract class TimedQueueStage extends ToxicStage {
  static final long HIGH_WATER_BYTES = 1 << 20;
  static final long LOW_WATER_BYTES = 256 << 10;

  /**
   * Netty's epoll loop sleeps in whole milliseconds for waits of 10 ms or more and uses a precise
   * timerfd only below that, so without a polling window of at least this much a long wait is
   * split: wake this much early, then wait the rest precisely.
   */
  private static final long PRECISE_WAIT_NANOS = 5_000_000L;

  private static final long COARSE_WAIT_LIMIT_NANOS = 9_000_000L;

  /** A polling window this wide absorbs the millisecond rounding: one sleep, then the poll. */
  private static final long ROUNDING_SAFE_SPIN_NANOS = 1_500_000L;

  /** A held chunk; {@code data == null} is the end of the stream. */
  private record Held(ByteBuf data, long arrivalNanos, long dueNanos) {}

  private final ArrayDeque<Held> held = new ArrayDeque<>();
  private long lastDueNanos = Long.MIN_VALUE;
  private long heldBytes;
  private boolean holdingBack;
  private ScheduledFuture<?> timer;

  /** Bumped on every arm and cancel, so a stale wake-up does nothing. */
  private int generation;

  private boolean armed;

  /** The action registered with {@link PreciseDeadlines} beside the armed timer, if any. */
  private PreciseDeadlines.Deadline precise;

  TimedQueueStage(ToxicSpec spec, ToxicLink link) {
    super(spec, link);
  }

  /** Due time of the last chunk queued, or {@code now} if that is later. */
  final long busyUntil(long nowNanos) {
    return lastDueNanos == Long.MIN_VALUE ? nowNanos : Math.max(nowNanos, lastDueNanos);
  }

  /** Queue {@code data} to be released at {@code dueNanos} (never before earlier chunks). */
  final void releaseAt(ByteBuf data, long arrivalNanos, long dueNanos) {
    long due = lastDueNanos == Long.MIN_VALUE ? dueNanos : Math.max(dueNanos, lastDueNanos);
    lastDueNanos = due;
    if (held.isEmpty() && due - System.nanoTime() <= 0) {
      next.chunk(data, due);
      return;
    }
    held.add(new Held(data, arrivalNanos, due));
    heldBytes += data.readableBytes();
    if (!holdingBack && heldBytes > HIGH_WATER_BYTES) {
      holdingBack = true;
      link.holdBack(true);
    }
    arm();
  }

  @Override
  void onEnd() {
    if (held.isEmpty()) {
      next.end();
    } else {
      held.add(new Held(null, System.nanoTime(), lastDueNanos));
    }
  }

  private void arm() {
    Held head = held.peek();
    if (armed || head == null) {
      return;
    }
    armed = true;
    int armedGeneration = ++generation;
    Runnable wake = () -> releaseDue(armedGeneration);
    long delay = Math.max(0, head.dueNanos() - System.nanoTime());
    long wait;
    if (delay > COARSE_WAIT_LIMIT_NANOS && DataPlane.TIMER_SPIN_NANOS < ROUNDING_SAFE_SPIN_NANOS) {
      wait = delay - PRECISE_WAIT_NANOS;
    } else if (delay > DataPlane.TIMER_SPIN_NANOS) {
      wait = delay - DataPlane.TIMER_SPIN_NANOS;
    } else {
      wait = delay;
      if (delay > 0 && DataPlane.TIMER_SPIN_NANOS > 0) {
        // the polling loop runs it at the due time; the timer below only if the loop slept
        precise = PreciseDeadlines.ofThisThread().add(head.dueNanos(), wake);
      }
    }
    timer = link.eventLoop().schedule(wake, wait, TimeUnit.NANOSECONDS);
  }

  private void releaseDue(int wokenGeneration) {
    if (wokenGeneration != generation) {
      return;
    }
    armed = false;
    if (timer != null) {
      timer.cancel(false); // run by the polling loop first, or this is the timer itself
      timer = null;
    }
    forgetPreciseDue();
    long now = System.nanoTime();
    Held head;
    while ((head = held.peek()) != null && head.dueNanos() - now <= 0) {
      held.poll();
      forget(head);
      if (head.data() == null) {
        next.end();
      } else {
        next.chunk(head.data(), head.dueNanos());
      }
    }
    arm();
  }

  private void forget(Held item) {
    if (item.data() != null) {
      heldBytes -= item.data().readableBytes();
    }
    if (holdingBack && heldBytes < LOW_WATER_BYTES) {
      holdingBack = false;
      link.holdBack(false);
    }
  }

  private void forgetPreciseDue() {
    if (precise != null) {
      PreciseDeadlines.Deadline deadline = precise;
      precise = null;
      if (link.eventLoop().inEventLoop()) {
        PreciseDeadlines.ofThisThread().remove(deadline);
      } else {
        link.eventLoop().execute(() -> PreciseDeadlines.ofThisThread().remove(deadline));
      }
    }
  }

  private void cancelTimer() {
    generation++;
    armed = false;
    forgetPreciseDue();
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  @Override
  void handOver(ToxicStage target) {
    cancelTimer();
    Held item;
    while ((item = held.poll()) != null) {
      forget(item);
      if (item.data() == null) {
        target.end();
      } else {
        target.chunk(item.data(), item.arrivalNanos());
      }
    }
  }

  @Override
  void dispose() {
    cancelTimer();
    Held item;
    while ((item = held.poll()) != null) {
      forget(item);
      if (item.data() != null) {
        item.data().release();
      }
    }
  }
}
