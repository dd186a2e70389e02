package dev.faultline.observe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asks an observer for deadlocks every {@code interval} on a daemon thread while load runs, and
 * keeps every distinct cycle it saw (by the names of its threads) with its first sighting, so a
 * deadlock that a later fault or restart breaks up is still reported. Thread-safe.
 */
public final class DeadlockWatch implements AutoCloseable {

  /**
   * What a watch saw: how many samples it took, each distinct cycle once, and why samples failed.
   */
  public record Findings(int samples, List<DeadlockReport> cycles, List<String> errors) {

    public Findings {
      cycles = List.copyOf(cycles);
      errors = List.copyOf(errors);
    }
  }

  private static final int KEPT_ERRORS = 5;

  private final ThreadObserver observer;
  private final ScheduledExecutorService timer;
  private final Map<List<String>, DeadlockReport> cycles = new LinkedHashMap<>();
  private final Set<String> errors = new LinkedHashSet<>();
  private int samples;
  private Findings stopped;

  private DeadlockWatch(String target, ThreadObserver observer) {
    this.observer = observer;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "faultline-deadlock-watch-" + target);
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts sampling now and every {@code interval} until {@link #stop()}. */
  public static DeadlockWatch start(String target, ThreadObserver observer, Duration interval) {
    DeadlockWatch w = new DeadlockWatch(target, observer);
    w.timer.scheduleWithFixedDelay(w::sample, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return w;
  }

  private void sample() {
    try {
      DeadlockReport r = observer.deadlocks();
      synchronized (this) {
        samples++;
        if (r.found()) {
          cycles.putIfAbsent(r.threadNames(), r);
        }
      }
    } catch (RuntimeException e) {
      synchronized (this) {
        if (errors.size() < KEPT_ERRORS) {
          errors.add(e.getMessage());
        }
      }
    }
  }

  /**
   * Stops sampling (waiting for a sample under way, bounded) and returns what was seen; idempotent.
   */
  public Findings stop() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(15, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return findings();
  }

  /** What was seen so far. */
  public synchronized Findings findings() {
    if (stopped == null && timer.isTerminated()) {
      stopped = new Findings(samples, new ArrayList<>(cycles.values()), new ArrayList<>(errors));
    }
    return stopped != null
        ? stopped
        : new Findings(samples, new ArrayList<>(cycles.values()), new ArrayList<>(errors));
  }

  @Override
  public void close() {
    stop();
  }
}
