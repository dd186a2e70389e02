package dev.faultline.builtin.quote;

/**
 * The service's shared state: the last part quoted and how many quotes were made. Its instance is
 * the monitor that guards it — a class of its own rather than a plain {@code Object}, so that a
 * profile of blocked threads ({@code jdk.JavaMonitorEnter}) names the lock. Thread-safe only under
 * its monitor: every caller holds {@code synchronized (book)} around {@link #record}.
 */
final class QuoteBook {

  private String lastPart = ""; // guarded by this
  private long quotes; // guarded by this

  /** Records a part; the caller holds this book's monitor. */
  Quoted record(String part, long ms) {
    lastPart = part;
    quotes++;
    return new Quoted(part, ms, quotes);
  }

  synchronized Snapshot snapshot() {
    return new Snapshot(lastPart, quotes);
  }

  /** One quote: the part, how long the downstream worked, and the quote's number. */
  record Quoted(String part, long ms, long quote) {}

  /** The book as it stands. */
  record Snapshot(String lastPart, long quotes) {}
}
