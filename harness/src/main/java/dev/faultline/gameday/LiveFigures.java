package dev.faultline.gameday;

import dev.faultline.launch.Target;
import dev.faultline.load.Outcome;
import dev.faultline.load.RequestOutcome;
import dev.faultline.run.LoadFigures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;

/**
 * The live charts' figures, one point per second since {@code origin}: requests that ended in the
 * second (ok, errors = failed + indeterminate), latency percentiles of those answered, and each
 * started target's live threads (its OS threads when Faultline runs its process here, else the Java
 * threads its actuator reports, e.g. for a container). Seconds the fork may not have flushed yet
 * are left out. Thread-safe.
 */
final class LiveFigures {

  /** How many seconds the charts show. */
  static final int WINDOW_SECONDS = 600;

  private static final long FLUSH_LAG_MILLIS = 1_500;

  /** One second of load. */
  /** One second of load; the percentiles are null when no request was answered in it. */
  record Second(long t, long ok, long errors, Double p50, Double p95, Double p99) {}

  /** Live threads of one target in one second. */
  record ThreadCount(long t, int threads) {}

  private final Instant origin;
  private final Map<String, Target> targets;
  private final Map<String, TreeMap<Long, Integer>> threads = new LinkedHashMap<>();

  LiveFigures(Instant origin, Map<String, Target> targets) {
    this.origin = origin;
    this.targets = targets;
    targets.keySet().forEach(t -> threads.put(t, new TreeMap<>()));
  }

  Instant origin() {
    return origin;
  }

  /** Samples every target's live threads now. */
  synchronized void sampleThreads(Instant now) {
    long second = Math.max(0, (now.toEpochMilli() - origin.toEpochMilli()) / 1000);
    targets.forEach(
        (name, target) -> {
          int n =
              target
                  .process()
                  .map(ProcessThreads::count)
                  .orElseGet(() -> ActuatorThreadCount.count(target.baseUrl()));
          if (n >= 0) {
            TreeMap<Long, Integer> series = threads.get(name);
            series.put(second, n);
            while (series.size() > WINDOW_SECONDS) {
              series.pollFirstEntry();
            }
          }
        });
  }

  synchronized Map<String, List<ThreadCount>> threads() {
    Map<String, List<ThreadCount>> out = new LinkedHashMap<>();
    threads.forEach(
        (name, series) -> {
          if (!series.isEmpty()) {
            out.put(
                name,
                series.entrySet().stream()
                    .map(en -> new ThreadCount(en.getKey(), en.getValue()))
                    .toList());
          }
        });
    return out;
  }

  /**
   * For the report's timeline: the first target's live threads in second {@code s} after {@code
   * since}, or -1.
   */
  synchronized IntUnaryOperator threadsSince(Instant since) {
    long shift = since == null ? 0 : (since.toEpochMilli() - origin.toEpochMilli()) / 1000;
    TreeMap<Long, Integer> first =
        threads.values().stream()
            .filter(m -> !m.isEmpty())
            .findFirst()
            .map(TreeMap::new)
            .orElse(new TreeMap<>());
    return s -> first.getOrDefault(s + shift, -1);
  }

  /**
   * The per-second series of complete seconds up to {@code now}, the last {@value #WINDOW_SECONDS}
   * at most.
   */
  List<Second> series(List<RequestOutcome> outcomes, Instant now) {
    long complete = (now.toEpochMilli() - FLUSH_LAG_MILLIS - origin.toEpochMilli()) / 1000;
    if (complete <= 0) {
      return List.of();
    }
    long first = Math.max(0, complete - WINDOW_SECONDS);
    Map<Long, List<RequestOutcome>> bySecond = new TreeMap<>();
    for (RequestOutcome o : outcomes) {
      long s = (o.endMillis() - origin.toEpochMilli()) / 1000;
      if (s >= first && s < complete) {
        bySecond.computeIfAbsent(s, k -> new ArrayList<>()).add(o);
      }
    }
    List<Second> out = new ArrayList<>();
    for (long s = first; s < complete; s++) {
      List<RequestOutcome> in = bySecond.getOrDefault(s, List.of());
      long ok = in.stream().filter(o -> o.outcome() == Outcome.OK).count();
      double[] lat = LoadFigures.answeredLatencies(in);
      out.add(
          lat.length == 0
              ? new Second(s, ok, in.size() - ok, null, null, null)
              : new Second(
                  s,
                  ok,
                  in.size() - ok,
                  round(LoadFigures.percentile(lat, 50)),
                  round(LoadFigures.percentile(lat, 95)),
                  round(LoadFigures.percentile(lat, 99))));
    }
    return out;
  }

  private static double round(double millis) {
    return Math.round(millis * 10) / 10.0;
  }
}
