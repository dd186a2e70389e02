package dev.faultline.run;

import dev.faultline.experiment.Durations;
import dev.faultline.experiment.StopCondition;
import dev.faultline.experiment.StopConditions;
import dev.faultline.launch.Target;
import dev.faultline.load.LoadProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Watches the declared stop conditions and the wall-clock budget while load runs; says why the run
 * must stop, if it must. Not thread-safe: polled from the run's thread.
 */
final class StopGuard {

  private static final long ERROR_WINDOW_MILLIS = 5_000;

  private record Sample(long atMillis, long requests, long errors) {}

  private final List<StopCondition> conditions;
  private final Map<String, Target> targets;
  private final Instant deadline;
  private final Duration budget;
  private final Deque<Sample> samples = new ArrayDeque<>();

  StopGuard(
      List<StopCondition> conditions,
      Map<String, Target> targets,
      Instant deadline,
      Duration budget) {
    this.conditions = conditions;
    this.targets = targets;
    this.deadline = deadline;
    this.budget = budget;
  }

  /** When the budget runs out. */
  Instant deadline() {
    return deadline;
  }

  /**
   * The reason to stop now, if any. While the service warms up only the budget and dead targets
   * count: the error rate is sampled from the measured load on.
   */
  Optional<String> check(LoadProgress progress, boolean warmingUp) {
    long now = System.currentTimeMillis();
    if (Instant.now().isAfter(deadline)) {
      return Optional.of("the wall-clock budget of " + Durations.format(budget) + " ran out");
    }
    if (warmingUp) {
      samples.clear();
    }
    samples.addLast(
        new Sample(now, progress.requests(), progress.failed() + progress.indeterminate()));
    while (samples.size() > 1 && samples.peekFirst().atMillis() < now - ERROR_WINDOW_MILLIS) {
      samples.removeFirst();
    }
    for (StopCondition c : conditions) {
      if (c instanceof StopConditions.TargetDied d) {
        Target t = targets.get(d.target());
        if (t != null && !t.isAlive()) {
          return Optional.of("target " + d.target() + " died (stop-when: target-died)");
        }
      } else if (c instanceof StopConditions.ErrorRateAbove e && !warmingUp) {
        Sample first = samples.peekFirst();
        long requests = progress.requests() - first.requests();
        long errors = progress.failed() + progress.indeterminate() - first.errors();
        if (requests >= 20 && (double) errors / requests > e.threshold().fraction()) {
          return Optional.of(
              String.format(
                  "the error rate over the last %d s was %.0f%%, above %s (stop-when: error-rate-above)",
                  ERROR_WINDOW_MILLIS / 1000, 100.0 * errors / requests, e.threshold()));
        }
      }
    }
    return Optional.empty();
  }
}
