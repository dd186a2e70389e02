package dev.faultline.run;

import dev.faultline.experiment.LoadSpec;
import dev.faultline.load.Outcome;
import dev.faultline.load.RequestOutcome;
import dev.faultline.report.StepSummary;
import dev.faultline.report.TimelinePoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;

/**
 * Summaries per load step and a per-second timeline, computed from request outcomes (for runs and
 * game days). Stateless.
 */
public final class LoadFigures {

  private LoadFigures() {}

  public static List<StepSummary> summaries(List<LoadSpec> steps, List<RequestOutcome> outcomes) {
    List<StepSummary> out = new ArrayList<>();
    for (LoadSpec step : steps) {
      List<RequestOutcome> mine =
          outcomes.stream().filter(o -> o.step().equals(step.name())).toList();
      long ok = mine.stream().filter(o -> o.outcome() == Outcome.OK).count();
      long failed = mine.stream().filter(o -> o.outcome() == Outcome.FAILED).count();
      long indeterminate = mine.size() - ok - failed;
      double seconds =
          mine.isEmpty()
              ? 0
              : Math.max(
                      1,
                      mine.stream().mapToLong(RequestOutcome::endMillis).max().getAsLong()
                          - mine.stream().mapToLong(RequestOutcome::startMillis).min().getAsLong())
                  / 1000.0;
      double[] latencies = answeredLatencies(mine);
      // No answer at all (every request timed out, say): no latency to show, not 0 ms.
      double none = Double.NaN;
      out.add(
          new StepSummary(
              step.name(),
              step.target(),
              step.request().toString(),
              mine.size(),
              ok,
              failed,
              indeterminate,
              seconds == 0 ? 0 : mine.size() / seconds,
              latencies.length == 0 ? none : percentile(latencies, 50),
              latencies.length == 0 ? none : percentile(latencies, 95),
              latencies.length == 0 ? none : percentile(latencies, 99),
              latencies.length == 0 ? none : latencies[latencies.length - 1]));
    }
    return out;
  }

  /**
   * One point per second since {@code origin}; {@code liveThreads} gives the threads seen in a
   * second, or -1.
   */
  public static List<TimelinePoint> timeline(
      Instant origin, List<RequestOutcome> outcomes, IntUnaryOperator liveThreads) {
    if (origin == null || outcomes.isEmpty()) {
      return List.of();
    }
    Map<Long, List<RequestOutcome>> bySecond = new TreeMap<>();
    for (RequestOutcome o : outcomes) {
      long second = Math.max(0, (o.startMillis() - origin.toEpochMilli()) / 1000);
      bySecond.computeIfAbsent(second, k -> new ArrayList<>()).add(o);
    }
    long last = ((TreeMap<Long, List<RequestOutcome>>) bySecond).lastKey();
    List<TimelinePoint> points = new ArrayList<>();
    for (long s = 0; s <= last; s++) {
      List<RequestOutcome> in = bySecond.getOrDefault(s, List.of());
      long ok = in.stream().filter(o -> o.outcome() == Outcome.OK).count();
      long failed = in.stream().filter(o -> o.outcome() == Outcome.FAILED).count();
      double[] lat = answeredLatencies(in);
      points.add(
          new TimelinePoint(
              s,
              ok,
              failed,
              in.size() - ok - failed,
              percentile(lat, 50),
              percentile(lat, 99),
              liveThreads.applyAsInt((int) s)));
    }
    return points;
  }

  /** The latencies in milliseconds of the requests that got an answer, sorted. */
  public static double[] answeredLatencies(List<RequestOutcome> outcomes) {
    double[] l =
        outcomes.stream()
            .filter(o -> o.status() > 0)
            .mapToDouble(o -> o.latencyMicros() / 1000.0)
            .toArray();
    Arrays.sort(l);
    return l;
  }

  /** Nearest-rank percentile of sorted values; 0 when empty. */
  public static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
  }
}
