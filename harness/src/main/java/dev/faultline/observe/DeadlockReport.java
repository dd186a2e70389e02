package dev.faultline.observe;

import java.time.Instant;
import java.util.List;

/**
 * The threads found deadlocked at one moment, and the cycle in words: "A holds X and waits for Y,
 * held by B; B holds Y and waits for X, held by A". An empty cycle means none was found; the
 * description then says how (or whether) the observer looked. Immutable.
 */
public record DeadlockReport(Instant at, List<ThreadDetail> cycle, String description) {

  public DeadlockReport {
    cycle = List.copyOf(cycle);
  }

  public static DeadlockReport none(Instant at, String how) {
    return new DeadlockReport(at, List.of(), how);
  }

  public boolean found() {
    return !cycle.isEmpty();
  }

  /** The names of the deadlocked threads, sorted, identifying one cycle across samples. */
  public List<String> threadNames() {
    return cycle.stream().map(ThreadDetail::name).sorted().toList();
  }
}
