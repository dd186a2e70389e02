package dev.faultline.builtin.quote;

import java.io.IOException;

/**
 * Fetches a quote and records it, holding the book's monitor as the variant says. Thread-safe: the
 * book is only touched under its monitor.
 */
final class QuoteService {

  private final QuoteVariant variant;
  private final QuoteSource source;
  private final QuoteBook book = new QuoteBook();

  QuoteService(QuoteVariant variant, QuoteSource source) {
    this.variant = variant;
    this.source = source;
  }

  QuoteBook.Quoted quote(long ms) throws IOException, InterruptedException {
    return switch (variant) {
      case OUTSIDE_LOCK -> fetchThenLock(ms);
      case COARSE_LOCK -> lockAroundTheCall(ms);
    };
  }

  private QuoteBook.Quoted fetchThenLock(long ms) throws IOException, InterruptedException {
    String part = source.fetch(ms); // the slow part, holding nothing
    synchronized (book) {
      return book.record(part, ms);
    }
  }

  /**
   * BUGGY TWIN, on purpose: the monitor is held across the network call, so requests queue on the
   * book for as long as the downstream takes, one at a time.
   */
  private QuoteBook.Quoted lockAroundTheCall(long ms) throws IOException, InterruptedException {
    synchronized (book) {
      return book.record(source.fetch(ms), ms);
    }
  }

  QuoteBook.Snapshot snapshot() {
    return book.snapshot();
  }
}
