package dev.faultline.load;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What {@link LoadBenchmark} measured: per load, the requests per second of every round, their
 * median, its ratio to wrk keep-alive's median and to plain Gatling's, and the fork's median CPU
 * time per request; then the goals for keep-alive load. Immutable.
 */
public final class LoadBenchmarkReport {

  private final LoadBenchmark.Options options;
  private final Map<String, List<LoadBenchmark.Sample>> samples;
  private final Path workDir;

  LoadBenchmarkReport(
      LoadBenchmark.Options options,
      Map<String, List<LoadBenchmark.Sample>> samples,
      Path workDir) {
    this.options = options;
    this.samples = Collections.unmodifiableMap(new LinkedHashMap<>(samples));
    this.workDir = workDir;
  }

  /** The median requests per second of {@code load}, if it ran. */
  public OptionalDouble medianRequestsPerSecond(String load) {
    List<LoadBenchmark.Sample> s = samples.get(load);
    if (s == null || s.isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(
        median(s.stream().mapToDouble(LoadBenchmark.Sample::requestsPerSecond).toArray()));
  }

  /** The table, then the goals. */
  public String report() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%nbench load: %d users, closed workload, %d s each, %s %s%s; median of %d rounds%n",
            options.users(),
            options.duration().toSeconds(),
            options.method(),
            options.url(),
            options.path(),
            options.rounds()));
    out.append(
        String.format(
            Locale.ROOT,
            "%-22s %-34s %10s %9s %9s %12s%n",
            "load",
            "req/s per round",
            "median",
            "/ wrk ka",
            "/ gatling",
            "cpu/request"));
    OptionalDouble wrk = medianRequestsPerSecond(LoadBenchmark.WRK);
    OptionalDouble plain = medianRequestsPerSecond(LoadBenchmark.PLAIN);
    for (String load : samples.keySet()) {
      double median = medianRequestsPerSecond(load).orElse(0);
      out.append(
          String.format(
              Locale.ROOT,
              "%-22s %-34s %,10.0f %9s %9s %12s%n",
              load,
              rounds(load),
              median,
              ratio(median, wrk),
              ratio(median, plain),
              cpu(load)));
    }
    double keepAlive = medianRequestsPerSecond(LoadBenchmark.KEEP_ALIVE).orElse(0);
    out.append(
        String.format(
            Locale.ROOT,
            "goals for keep-alive: >= 0.50 of wrk keep-alive (%s), >= 0.90 of plain Gatling (%s)%n",
            ratio(keepAlive, wrk),
            ratio(keepAlive, plain)));
    out.append("cpu/request: the load fork's CPU time from its plan to its end, per request\n");
    out.append("logs of every load: ").append(workDir).append('\n');
    return out.toString();
  }

  private String rounds(String load) {
    StringBuilder s = new StringBuilder();
    for (LoadBenchmark.Sample sample : samples.get(load)) {
      s.append(s.length() == 0 ? "" : " ")
          .append(String.format(Locale.ROOT, "%,.0f", sample.requestsPerSecond()));
    }
    return s.toString();
  }

  private String cpu(String load) {
    double[] micros =
        samples.get(load).stream()
            .map(LoadBenchmark.Sample::cpuPerRequest)
            .flatMap(Optional::stream)
            .mapToDouble(d -> d.toNanos() / 1000.0)
            .toArray();
    return micros.length == 0 ? "-" : String.format(Locale.ROOT, "%.1f us", median(micros));
  }

  private static String ratio(double value, OptionalDouble reference) {
    return reference.isPresent() && reference.getAsDouble() > 0
        ? String.format(Locale.ROOT, "%.2f", value / reference.getAsDouble())
        : "-";
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
