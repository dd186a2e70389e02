package dev.faultline.load;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The ids of one load run's requests, {@code <step>-<run>-<n>}: {@code <run>} is drawn once per
 * load run (not from the experiment's seed, which every run shares) and {@code n} counts the step's
 * requests from 1. A service that remembers ids across runs — an idempotency key, a ledger of
 * applied operations, an attached service that outlives the run — never takes a new run's request
 * for an old one and answers it from memory. Thread-safe.
 */
final class OperationIds {

  /** 36^6, the smallest number of seven base-36 digits: every run part is 7 characters long. */
  private static final long LOWEST = 2_176_782_336L;

  private final String run;

  OperationIds(String run) {
    this.run = run;
  }

  /** Ids for a new load run: a run part of seven random base-36 characters. */
  static OperationIds fresh() {
    long drawn = ThreadLocalRandom.current().nextLong(LOWEST, LOWEST * 36);
    return new OperationIds(Long.toString(drawn, 36));
  }

  /** The id of the {@code n}-th request of {@code step}. */
  String of(String step, long n) {
    return step + "-" + run + "-" + n;
  }

  /** The part every id of this run shares. */
  String run() {
    return run;
  }
}
