package dev.faultline.proxy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.Locale;

/**
 * Measures the embedded proxy beside a direct connection in the same run: added round-trip
 * latency with no toxics (64-byte ping-pong on one connection), one-way throughput of a large
 * transfer, and the error of a 50 ms latency toxic. Not thread-safe; one run at a time.
 *
 * <p>{@code java -cp ... dev.faultline.proxy.ProxyBenchmark [--bytes 1g] [--pings 20000]
 * [--latency-samples 200]}
 */
public final class ProxyBenchmark {
  private static final int MESSAGE_SIZE = 64;
  private static final long TOXIC_LATENCY_MS = 50;

  private ProxyBenchmark() {}

  /** What to measure: bytes of the one-way transfer, ping-pongs per path, latency-toxic samples. */
  public record Options(long transferBytes, int pings, int latencySamples) {
    public Options {
      if (transferBytes < 1 << 20 || pings < 100 || latencySamples < 10) {
        throw new IllegalArgumentException(
            "transferBytes must be >= 1 MiB, pings >= 100, latencySamples >= 10; got "
                + transferBytes + ", " + pings + ", " + latencySamples);
      }
    }

    public static Options defaults() {
      return new Options(1L << 30, 20_000, 200);
    }
  }

  /** A median and a 99th percentile. */
  public record Percentiles(double p50, double p99) {
    static Percentiles of(double[] samples) {
      double[] sorted = samples.clone();
      Arrays.sort(sorted);
      return new Percentiles(at(sorted, 0.50), at(sorted, 0.99));
    }

    private static double at(double[] sorted, double quantile) {
      return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }
  }

  /** Figures of one run; round trips in µs, throughput in MB/s (10^6 bytes), toxic error in ms. */
  public record Result(
      String transport,
      Percentiles directRoundTripMicros,
      Percentiles proxiedRoundTripMicros,
      double directMegabytesPerSecond,
      double proxiedMegabytesPerSecond,
      Percentiles directToxicErrorMillis,
      Percentiles toxicErrorMillis) {

    public double addedP50Micros() {
      return proxiedRoundTripMicros.p50() - directRoundTripMicros.p50();
    }

    public double addedP99Micros() {
      return proxiedRoundTripMicros.p99() - directRoundTripMicros.p99();
    }

    public String report() {
      return String.format(
          Locale.ROOT,
          "transport %s%n"
              + "round trip 64 B   direct p50 %.1f us p99 %.1f us | proxied p50 %.1f us p99 %.1f us"
              + " | added p50 %.1f us p99 %.1f us%n"
              + "throughput        direct %.0f MB/s | proxied %.0f MB/s%n"
              + "latency toxic 50ms |measured-50ms|  p50 %.3f ms p99 %.3f ms"
              + " (direct round trip itself: p50 %.3f ms p99 %.3f ms)%n",
          transport,
          directRoundTripMicros.p50(), directRoundTripMicros.p99(),
          proxiedRoundTripMicros.p50(), proxiedRoundTripMicros.p99(),
          addedP50Micros(), addedP99Micros(),
          directMegabytesPerSecond, proxiedMegabytesPerSecond,
          toxicErrorMillis.p50(), toxicErrorMillis.p99(),
          directToxicErrorMillis.p50(), directToxicErrorMillis.p99());
    }
  }

  public static void main(String[] args) {
    long bytes = Options.defaults().transferBytes();
    int pings = Options.defaults().pings();
    int latencySamples = Options.defaults().latencySamples();
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--bytes" -> bytes = parseSize(args[i + 1]);
        case "--pings" -> pings = Integer.parseInt(args[i + 1]);
        case "--latency-samples" -> latencySamples = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException(
            "unknown option " + args[i] + "; use --bytes, --pings, --latency-samples");
      }
    }
    System.out.print(run(new Options(bytes, pings, latencySamples)).report());
  }

  static long parseSize(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    long unit = lower.endsWith("g") ? 1L << 30 : lower.endsWith("m") ? 1L << 20 : lower.endsWith("k") ? 1L << 10 : 1;
    String digits = unit == 1 ? lower : lower.substring(0, lower.length() - 1);
    return Long.parseLong(digits) * unit;
  }

  /** Runs the three measurements on 127.0.0.1 with a fresh embedded server. */
  public static Result run(Options options) {
    try (ToxiproxyServer server = ToxiproxyServer.start("127.0.0.1", 0, 1L);
        BenchPeers echo = BenchPeers.echo(MESSAGE_SIZE);
        BenchPeers sink = BenchPeers.sink()) {
      ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", server.port());
      Proxy echoProxy = client.createProxy("bench-echo", "127.0.0.1:0", echo.address());
      Proxy sinkProxy = client.createProxy("bench-sink", "127.0.0.1:0", sink.address());
      Proxy slowProxy = client.createProxy("bench-latency", "127.0.0.1:0", echo.address());
      slowProxy.toxics().latency("latency_downstream", ToxicDirection.DOWNSTREAM, TOXIC_LATENCY_MS);

      double[][] roundTrips = pingPong(echo.port(), port(echoProxy), options.pings());
      double direct = throughput(sink.port(), options.transferBytes());
      double proxied = throughput(port(sinkProxy), options.transferBytes());
      double[] toxic = toxicErrors(port(slowProxy), options.latencySamples());
      double[] directErrors = directMillis(echo.port(), options.latencySamples());
      return new Result(
          server.transport(),
          Percentiles.of(roundTrips[0]),
          Percentiles.of(roundTrips[1]),
          direct,
          proxied,
          Percentiles.of(directErrors),
          Percentiles.of(toxic));
    } catch (IOException e) {
      throw new UncheckedIOException("proxy benchmark failed", e);
    }
  }

  private static int port(Proxy proxy) {
    String listen = proxy.getListen();
    return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
  }

  private static Socket open(int port) throws IOException {
    Socket socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.setSoTimeout(30_000);
    return socket;
  }

  /** Alternates blocks of direct and proxied ping-pongs so both see the same machine load. */
  private static double[][] pingPong(int directPort, int proxiedPort, int samples) throws IOException {
    double[] direct = new double[samples];
    double[] proxied = new double[samples];
    try (Socket toDirect = open(directPort); Socket toProxy = open(proxiedPort)) {
      byte[] message = new byte[MESSAGE_SIZE];
      double[] warmUp = new double[Math.min(samples, 5_000)];
      roundTrips(toDirect, message, warmUp, 0, warmUp.length);
      roundTrips(toProxy, message, warmUp, 0, warmUp.length);
      int block = 500;
      for (int done = 0; done < samples; done += block) {
        int count = Math.min(block, samples - done);
        roundTrips(toDirect, message, direct, done, count);
        roundTrips(toProxy, message, proxied, done, count);
      }
    }
    return new double[][] {direct, proxied};
  }

  private static void roundTrips(Socket socket, byte[] message, double[] micros, int from, int count)
      throws IOException {
    OutputStream out = socket.getOutputStream();
    InputStream in = socket.getInputStream();
    for (int i = from; i < from + count; i++) {
      long start = System.nanoTime();
      out.write(message);
      if (in.readNBytes(message, 0, MESSAGE_SIZE) != MESSAGE_SIZE) {
        throw new IOException("echo ended early");
      }
      micros[i] = (System.nanoTime() - start) / 1_000.0;
    }
  }

  /** MB/s (10^6 bytes) of a one-way transfer until the sink acknowledged the last byte. */
  private static double throughput(int port, long bytes) throws IOException {
    byte[] chunk = new byte[256 << 10];
    try (Socket socket = open(port)) {
      OutputStream out = socket.getOutputStream();
      long start = System.nanoTime();
      new DataOutputStream(out).writeLong(bytes);
      for (long left = bytes; left > 0; left -= chunk.length) {
        out.write(chunk, 0, (int) Math.min(chunk.length, left));
      }
      if (socket.getInputStream().read() != 1) {
        throw new IOException("sink did not acknowledge the transfer");
      }
      return bytes / ((System.nanoTime() - start) / 1e9) / 1e6;
    }
  }

  /** |round trip - 50 ms| per ping through the latency toxic, in ms. */
  private static double[] toxicErrors(int port, int samples) throws IOException {
    double[] millis = directMillis(port, samples);
    for (int i = 0; i < millis.length; i++) {
      millis[i] = Math.abs(millis[i] - TOXIC_LATENCY_MS);
    }
    return millis;
  }

  private static double[] directMillis(int port, int samples) throws IOException {
    double[] micros = new double[samples];
    try (Socket socket = open(port)) {
      roundTrips(socket, new byte[MESSAGE_SIZE], micros, 0, samples);
    }
    return Arrays.stream(micros).map(value -> value / 1_000.0).toArray();
  }
}
