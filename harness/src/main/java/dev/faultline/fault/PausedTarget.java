package dev.faultline.fault;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A target frozen while the fault is on (its process stopped, or its container paused): rollback
 * resumes it and measures how long it was frozen, for the journal ({@code pausedMillis}) and the
 * report. Thread-safe.
 */
abstract class PausedTarget extends OnceRollback {
  private final String target;
  private final String frozenKey;
  private final String frozenValue;
  private final long pausedAtNanos = System.nanoTime();
  private volatile long pausedMillis = -1;

  /**
   * Frozen from now on. {@code frozenKey} and {@code frozenValue} name what is frozen in the
   * figures, e.g. {@code pid} and {@code 4711}.
   */
  PausedTarget(String name, String target, String frozenKey, String frozenValue) {
    super(name);
    this.target = target;
    this.frozenKey = frozenKey;
    this.frozenValue = frozenValue;
  }

  /** Lets the target run again (the signal or the command, not the wait for it). */
  protected abstract void resume();

  /** Waits, with a bound, until the target runs again; by default nothing to wait for. */
  protected void awaitRunning() {}

  /** The report's phrase, e.g. "pid 4711 of counter stopped for 2.0 s, then resumed". */
  protected abstract String summary(String target, double pausedSeconds);

  @Override
  protected final void undo() {
    resume();
    pausedMillis = (System.nanoTime() - pausedAtNanos) / 1_000_000;
    awaitRunning();
  }

  @Override
  public final Map<String, String> figures() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("target", target);
    f.put(frozenKey, frozenValue);
    if (pausedMillis >= 0) {
      f.put("pausedMillis", String.valueOf(pausedMillis));
    }
    return f;
  }

  @Override
  public final String summary() {
    return pausedMillis < 0 ? "" : summary(target, pausedMillis / 1000.0);
  }
}
