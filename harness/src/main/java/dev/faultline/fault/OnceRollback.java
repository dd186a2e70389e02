package dev.faultline.fault;

import dev.faultline.process.ExitHooks;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An active fault whose undo runs once, however many threads ask: the schedule, an abort, and the
 * JVM shutdown hook that rolls back any fault still on when the harness exits (Ctrl-C during a
 * switch, an exception escaping main). A failed undo may be retried by the next caller.
 * Thread-safe.
 */
abstract class OnceRollback implements ActiveFault {

  private static final Set<OnceRollback> LIVE = ConcurrentHashMap.newKeySet();

  static {
    // Refused only if first used during shutdown (a child reaper or an abort): nothing can have
    // been
    // registered before, and the caller does the work itself.
    ExitHooks.addQuietly(
        new Thread(OnceRollback::rollbackLive, "faultline-fault-rollback-on-exit"));
  }

  private final String name;
  private boolean done;

  OnceRollback(String name) {
    this(name, true);
  }

  /**
   * {@code atExit}: whether the exit hook may roll it back (not a restart, which would race the
   * child reaper).
   */
  OnceRollback(String name, boolean atExit) {
    this.name = name;
    if (atExit) {
      LIVE.add(this);
    }
  }

  /** Switches the fault off; called at most once successfully. */
  protected abstract void undo();

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final synchronized void rollback() {
    if (done) {
      return;
    }
    // An abort may interrupt the caller; the undo's own I/O must still go through.
    boolean interrupted = Thread.interrupted();
    try {
      undo();
      done = true;
      LIVE.remove(this);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public Map<String, String> figures() {
    return Map.of();
  }

  private static void rollbackLive() {
    for (OnceRollback f : LIVE) {
      try {
        f.rollback();
      } catch (RuntimeException e) {
        System.err.println(
            "faultline: rollback of fault " + f.name + " at exit failed: " + e.getMessage());
      }
    }
  }
}
