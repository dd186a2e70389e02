package dev.faultline.builtin.quote;

import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Fetches a quote and records it, holding the book's monitor as the variant says, and counts
 * requests and failures. Thread-safe: the book is only touched under its monitor, the counts are
 * adders.
 */
final class QuoteService {

  private final QuoteVariant variant;
  private final QuoteSource source;
  private final QuoteBook book = new QuoteBook();
  private final LongAdder requests = new LongAdder();
  private final LongAdder failed = new LongAdder();

  QuoteService(QuoteVariant variant, QuoteSource source) {
    this.variant = variant;
    this.source = source;
  }

  QuoteBook.Quoted quote(long ms) throws IOException, InterruptedException {
    requests.increment();
    boolean ok = false;
    try {
      QuoteBook.Quoted quoted =
          switch (variant) {
            case OUTSIDE_LOCK -> fetchThenLock(ms);
            case COARSE_LOCK -> lockAroundTheCall(ms);
          };
      ok = true;
      return quoted;
    } finally {
      if (!ok) {
        failed.increment();
      }
    }
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

  Stats stats() {
    QuoteBook.Snapshot snapshot = book.snapshot();
    return new Stats(
        variant.id(), requests.sum(), failed.sum(), snapshot.quotes(), snapshot.lastPart());
  }

  /** Ground truth: requests, those that failed, quotes recorded, and the last part quoted. */
  record Stats(String variant, long requests, long failed, long quotes, String lastPart) {}
}
