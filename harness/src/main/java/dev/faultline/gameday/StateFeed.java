package dev.faultline.gameday;

import java.time.Duration;

/**
 * The latest state of the room as JSON, with a version, for the SSE writers to wait on. A writer
 * wakes when a newer state is published or after a bound, whichever comes first. Thread-safe.
 */
final class StateFeed {

  /** A published state. */
  record Published(long version, String json, boolean last) {}

  private Published latest = new Published(0, "{}", false);

  synchronized void publish(String json, boolean last) {
    if (latest.last()) {
      return;
    }
    latest = new Published(latest.version() + 1, json, last);
    notifyAll();
  }

  synchronized Published latest() {
    return latest;
  }

  /**
   * The first state newer than {@code seen}, waiting at most {@code bound}; the latest one if none
   * came.
   */
  synchronized Published after(long seen, Duration bound) throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    while (latest.version() <= seen && !latest.last()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return latest;
  }
}
