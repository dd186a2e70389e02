package dev.faultline.profile;

/**
 * Which waits are lock contention. A thread blocked entering a monitor always is. A parked thread
 * is when what it parked on is a lock's synchronizer ({@code ReentrantLock$NonfairSync}, {@code
 * ReentrantReadWriteLock$FairSync}, a {@code StampedLock}, or any class of the user named {@code
 * *Lock} or {@code *Lock$*Sync}); a thread parked on a condition ({@code
 * AbstractQueuedSynchronizer$ConditionObject}: an idle pool worker waiting for a task), a latch, a
 * future or a semaphore is waiting for work or for a result, not for a lock, and a healthy service
 * does a lot of it. Stateless.
 */
final class LockBlockers {

  private LockBlockers() {}

  /** Whether a park on an object of class {@code blocker} (null when unknown) waits for a lock. */
  static boolean isLock(String blocker) {
    if (blocker == null || blocker.endsWith("$ConditionObject")) {
      return false;
    }
    int dollar = blocker.indexOf('$');
    String outer = dollar < 0 ? blocker : blocker.substring(0, dollar);
    String inner = dollar < 0 ? "" : blocker.substring(dollar + 1);
    boolean lockClass = outer.endsWith("Lock");
    return lockClass && (inner.isEmpty() || inner.endsWith("Sync"));
  }

  /** The lock's name as a reader knows it: the lock's class, not its synchronizer's. */
  static String lockName(String blocker) {
    int dollar = blocker.indexOf('$');
    return dollar > 0 && blocker.endsWith("Sync") ? blocker.substring(0, dollar) : blocker;
  }
}
