package dev.faultline.builtin.ledger;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The balance and the lock that guards it. Each entry is recorded by the {@link AuditTrail} and
 * added under {@link #ledgerLock}; the variant says how the lock is released. The lock waits
 * interruptibly, so that a JVM shutting down can still interrupt the requests the twin left
 * waiting. Thread-safe: the balance is guarded by the lock.
 */
final class Ledger {

  private final LedgerVariant variant;
  private final AuditTrail audit;
  private final ReentrantLock ledgerLock = new ReentrantLock();
  private long balance; // guarded by ledgerLock

  Ledger(LedgerVariant variant, AuditTrail audit) {
    this.variant = variant;
    this.audit = audit;
  }

  /** Posts one entry of 1 and returns the balance it produced. */
  long post(String op) throws InterruptedException {
    return switch (variant) {
      case FINALLY -> postReleasingInFinally(op);
      case NO_FINALLY -> postReleasingOnSuccessOnly(op);
    };
  }

  private long postReleasingInFinally(String op) throws InterruptedException {
    ledgerLock.lockInterruptibly();
    try {
      return apply(op);
    } finally {
      ledgerLock.unlock();
    }
  }

  /**
   * BUGGY TWIN, on purpose: the unlock sits on the success path only. When the audit throws, the
   * request thread goes back to Tomcat's pool still holding the lock; it can re-enter it, nobody
   * else can.
   */
  private long postReleasingOnSuccessOnly(String op) throws InterruptedException {
    ledgerLock.lockInterruptibly();
    long produced = apply(op);
    ledgerLock.unlock();
    return produced;
  }

  private long apply(String op) {
    audit.record(op);
    return ++balance;
  }

  /**
   * The lock as it stands, read without taking it (so it answers while the twin's lock is held).
   */
  State state() {
    return new State(ledgerLock.isLocked(), ledgerLock.getQueueLength());
  }

  /** Whether some thread holds the lock, and how many threads wait for it. */
  record State(boolean locked, int waiting) {}
}
