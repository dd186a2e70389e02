package dev.faultline.proxy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The fresh section of {@code bench proxy}: what each newly started server measured, and the
 * medians over the starts beside the real Toxiproxy's figures (quoted from issue #14, where it was
 * built from source and run on this machine kind; it is not run here). Immutable.
 */
public record FreshFigures(List<Start> starts) {

  /**
   * One fresh server, all in ms except the connection round trips in µs: JVM start to API ready,
   * API ready to the end of its background warm-up (the benchmark waits for it, as a run's targets
   * start meanwhile), the first {@code POST /proxies}, the first connection and connections 2-5
   * (connect, 64 B echo, close), the errors |rtt - 50 ms| of a fresh latency toxic (one ping per
   * new connection, in order), then connections after it through the proxy and directly to the
   * echo.
   */
  public record Start(
      double readyMillis,
      double warmUpMillis,
      double createMillis,
      double firstConnectionMillis,
      double[] nextConnectionsMillis,
      double[] toxicErrorsMillis,
      double[] proxiedConnectionsMicros,
      double[] directConnectionsMicros) {

    /** The first {@code count} toxic errors, the fresh toxic's first connections. */
    double[] firstToxicErrors(int count) {
      return Arrays.copyOf(toxicErrorsMillis, Math.min(count, toxicErrorsMillis.length));
    }
  }

  /** How many of the fresh toxic's first connections are shown apart. */
  static final int FIRST_TOXIC_CONNECTIONS = 5;

  public FreshFigures {
    if (starts.isEmpty()) {
      throw new IllegalArgumentException("starts must not be empty: measure at least one server");
    }
    starts = List.copyOf(starts);
  }

  /** The median over the starts of one figure of each start. */
  double median(ToDoubleFunction<Start> figure) {
    return ProxyBenchmark.Percentiles.of(starts.stream().mapToDouble(figure).toArray()).p50();
  }

  static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }

  static double max(double[] values) {
    return Arrays.stream(values).max().orElse(Double.NaN);
  }

  static double p50(double[] values) {
    return ProxyBenchmark.Percentiles.of(values).p50();
  }

  static double p99(double[] values) {
    return ProxyBenchmark.Percentiles.of(values).p99();
  }

  /** The table: one row per figure, Faultline's medians beside the Toxiproxy reference. */
  public String report() {
    int toxicSamples = starts.get(0).toxicErrorsMillis().length;
    int connections = starts.get(0).proxiedConnectionsMicros().length;
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "fresh server, a new JVM each start: medians of %d starts"
                + " | Toxiproxy 2.x figures quoted from issue #14 (not run here)%n",
            starts.size()));
    row(out, "JVM start to API ready", ms(median(Start::readyMillis)), "-");
    row(out, "then its warm-up, in the background", ms(median(Start::warmUpMillis)), "-");
    row(out, "POST /proxies", ms(median(Start::createMillis)), "3 ms");
    row(
        out,
        "first connection (connect, 64 B echo, close)",
        ms(median(Start::firstConnectionMillis)),
        "0.6-0.9 ms");
    row(
        out,
        "connections 2-5 (min-max)",
        msRange(
            median(s -> min(s.nextConnectionsMillis())),
            median(s -> max(s.nextConnectionsMillis()))),
        "0.4-1.0 ms");
    row(
        out,
        "50 ms latency toxic, first 5 connections, error (min-max)",
        msRange(
            median(s -> min(s.firstToxicErrors(FIRST_TOXIC_CONNECTIONS))),
            median(s -> max(s.firstToxicErrors(FIRST_TOXIC_CONNECTIONS)))),
        "0.9-1.8 ms");
    row(
        out,
        "50 ms latency toxic, " + toxicSamples + " connections, error p50 / p99",
        ms(median(s -> p50(s.toxicErrorsMillis())))
            + " / "
            + ms(median(s -> p99(s.toxicErrorsMillis()))),
        "0.62-0.64 / 1.05-1.43 ms (warm data path)");
    row(
        out,
        connections + " connections after, p50 / p99",
        us(median(s -> p50(s.proxiedConnectionsMicros())))
            + " / "
            + us(median(s -> p99(s.proxiedConnectionsMicros()))),
        "445-468 us / 1.15-1.23 ms");
    row(
        out,
        "  the same, direct to the echo (no proxy)",
        us(median(s -> p50(s.directConnectionsMicros())))
            + " / "
            + us(median(s -> p99(s.directConnectionsMicros()))),
        "-");
    return out.toString();
  }

  private static void row(StringBuilder out, String figure, String faultline, String toxiproxy) {
    out.append(String.format(Locale.ROOT, "  %-62s %-22s %s%n", figure, faultline, toxiproxy));
  }

  static String ms(double millis) {
    return millis >= 10
        ? String.format(Locale.ROOT, "%.0f ms", millis)
        : String.format(Locale.ROOT, "%.2f ms", millis);
  }

  private static String msRange(double low, double high) {
    return ms(low).replace(" ms", "") + "-" + ms(high);
  }

  /** µs below a millisecond, ms from there, as the reference writes them. */
  static String us(double micros) {
    return micros >= 1_000 ? ms(micros / 1_000) : String.format(Locale.ROOT, "%.0f us", micros);
  }
}
