package dev.faultline.proxy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Measures the embedded proxy beside a direct connection in the same run, all on 127.0.0.1:
 *
 * <ul>
 *   <li>added round-trip latency with no toxics: 64-byte ping-pong on one connection per path, in
 *       blocks of 100 pings alternating between the paths, after a warm-up;
 *   <li>one-way throughput of a large transfer: the median of three transfers per path,
 *       alternating, after a warm-up transfer;
 *   <li>the error of a 50 ms latency toxic, |round trip - 50 ms|, beside the same 50 ms held by
 *       plain JVM threads: a relay with the proxy's four hops (the floor any proxy has on this
 *       machine) and the echo itself (two hops). The toxic's timed path is first warmed up ({@link
 *       #TOXIC_WARM_UP}); then the three paths take turns in blocks of {@link #DELAY_BLOCK} pings
 *       after {@link #DELAY_WARM_UP} unmeasured ones each, so all see the same moments of the
 *       machine.
 * </ul>
 *
 * <p>The client and the peers block on their sockets (a thread per connection) and use direct
 * buffers, so neither path pays the JVM's heap-array copy. Not thread-safe; one run at a time.
 *
 * <p>{@code ./faultline bench proxy [--bytes 1g] [--pings 20000] [--latency-samples 500]}
 */
public final class ProxyBenchmark {
  private static final int MESSAGE_SIZE = 64;
  private static final long TOXIC_LATENCY_MS = 50;
  private static final int TRANSFERS = 3;
  private static final int PING_BLOCK = 100;
  private static final int DELAY_BLOCK = 25;
  private static final int DELAY_WARM_UP = 10;

  /**
   * Pings through a short latency toxic before the 50 ms one is measured, so the JIT has compiled
   * the toxic's timed path (a few thousand passes), as in a proxy that has carried load. At 50 ms a
   * ping the measured samples alone would still be compiling it, and the compiler threads took the
   * cores from the echo and the client of the samples measured: without this warm-up the p99 was
   * typically 0.5-2 ms above the relay's, with it at most 0.5 ms above and often below. A quick run
   * (few samples) warms up less.
   */
  private static final int TOXIC_WARM_UP = 3_000;

  private static final long WARM_UP_LATENCY_MS = 3;

  /** At most how long to wait for the server's own start-up warm-up before measuring. */
  private static final Duration WARM_UP_WAIT = Duration.ofSeconds(5);

  private ProxyBenchmark() {}

  /** What to measure: bytes of the one-way transfer, ping-pongs per path, latency-toxic samples. */
  public record Options(long transferBytes, int pings, int latencySamples) {
    public Options {
      if (transferBytes < 1 << 20 || pings < 100 || latencySamples < 10) {
        throw new IllegalArgumentException(
            "transferBytes must be >= 1 MiB, pings >= 100, latencySamples >= 10; got "
                + transferBytes
                + ", "
                + pings
                + ", "
                + latencySamples);
      }
    }

    public static Options defaults() {
      return new Options(1L << 30, 20_000, 500);
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
      Percentiles plainDelayErrorMillis,
      Percentiles relayDelayErrorMillis,
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
              + " | the same 50 ms held by plain JVM threads: in a relay (the proxy's hops)"
              + " p50 %.3f ms p99 %.3f ms, in the echo (no relay) p50 %.3f ms p99 %.3f ms%n",
          transport,
          directRoundTripMicros.p50(),
          directRoundTripMicros.p99(),
          proxiedRoundTripMicros.p50(),
          proxiedRoundTripMicros.p99(),
          addedP50Micros(),
          addedP99Micros(),
          directMegabytesPerSecond,
          proxiedMegabytesPerSecond,
          toxicErrorMillis.p50(),
          toxicErrorMillis.p99(),
          relayDelayErrorMillis.p50(),
          relayDelayErrorMillis.p99(),
          plainDelayErrorMillis.p50(),
          plainDelayErrorMillis.p99());
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
        default ->
            throw new IllegalArgumentException(
                "unknown option " + args[i] + "; use --bytes, --pings, --latency-samples");
      }
    }
    System.out.print(run(new Options(bytes, pings, latencySamples), System.err).report());
  }

  /** A byte count with an optional k, m or g suffix (powers of 1024), e.g. {@code 512m}. */
  public static long parseSize(String text) {
    String lower = text.trim().toLowerCase(Locale.ROOT);
    long unit =
        lower.endsWith("g")
            ? 1L << 30
            : lower.endsWith("m") ? 1L << 20 : lower.endsWith("k") ? 1L << 10 : 1;
    String digits = unit == 1 ? lower : lower.substring(0, lower.length() - 1);
    try {
      return Math.multiplyExact(Long.parseLong(digits), unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a size; write a number with k, m or g, e.g. 512m or 1g", e);
    }
  }

  /**
   * Runs the three measurements on 127.0.0.1 with a fresh embedded server; says each step on {@code
   * progress}.
   */
  public static Result run(Options options, PrintStream progress) {
    try (ToxiproxyServer server = ToxiproxyServer.start("127.0.0.1", 0, 1L);
        BenchPeers echo = BenchPeers.echo(MESSAGE_SIZE);
        BenchPeers sink = BenchPeers.sink();
        BenchPeers delayedEcho = BenchPeers.delayedEcho(MESSAGE_SIZE, TOXIC_LATENCY_MS);
        BenchPeers relay = BenchPeers.delayingRelay(echo.port(), MESSAGE_SIZE, TOXIC_LATENCY_MS)) {
      // as in a run, whose targets start meanwhile: the warm-up does not compete with the figures
      server.awaitWarmUp(WARM_UP_WAIT);
      ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", server.port());
      Proxy echoProxy = client.createProxy("bench-echo", "127.0.0.1:0", echo.address());
      Proxy sinkProxy = client.createProxy("bench-sink", "127.0.0.1:0", sink.address());
      Proxy slowProxy = client.createProxy("bench-latency", "127.0.0.1:0", echo.address());
      slowProxy.toxics().latency("latency_downstream", ToxicDirection.DOWNSTREAM, TOXIC_LATENCY_MS);
      Proxy warmUpProxy =
          client.createProxy("bench-latency-warm-up", "127.0.0.1:0", echo.address());
      warmUpProxy
          .toxics()
          .latency("latency_downstream", ToxicDirection.DOWNSTREAM, WARM_UP_LATENCY_MS);

      progress.printf(Locale.ROOT, "bench: %d ping-pongs per path…%n", options.pings());
      double[][] roundTrips = pingPong(echo.port(), port(echoProxy), options.pings());
      progress.printf(
          Locale.ROOT,
          "bench: %d transfers of %d MiB per path…%n",
          TRANSFERS,
          options.transferBytes() >> 20);
      double[] megabytesPerSecond =
          throughputs(sink.port(), port(sinkProxy), options.transferBytes());
      double direct = megabytesPerSecond[0];
      double proxied = megabytesPerSecond[1];
      int toxicWarmUp = Math.min(TOXIC_WARM_UP, 10 * options.latencySamples());
      progress.printf(
          Locale.ROOT,
          "bench: %d pings through a %d ms latency toxic to warm up its timed path…%n",
          toxicWarmUp,
          WARM_UP_LATENCY_MS);
      try (SocketChannel warmUp = open(port(warmUpProxy))) {
        roundTrips(warmUp, new double[toxicWarmUp], 0, toxicWarmUp);
      }
      progress.printf(
          Locale.ROOT,
          "bench: %d pings each through a %d ms latency toxic, a delaying relay and a delaying echo (about %d s)…%n",
          options.latencySamples(),
          TOXIC_LATENCY_MS,
          3 * (options.latencySamples() + DELAY_WARM_UP) * TOXIC_LATENCY_MS / 1000);
      double[][] delayErrors =
          delayErrors(
              new int[] {port(slowProxy), relay.port(), delayedEcho.port()},
              options.latencySamples());
      double[] toxic = delayErrors[0];
      double[] relayDelay = delayErrors[1];
      double[] plainDelay = delayErrors[2];
      return new Result(
          server.transport(),
          Percentiles.of(roundTrips[0]),
          Percentiles.of(roundTrips[1]),
          direct,
          proxied,
          Percentiles.of(plainDelay),
          Percentiles.of(relayDelay),
          Percentiles.of(toxic));
    } catch (IOException e) {
      throw new UncheckedIOException("proxy benchmark failed", e);
    }
  }

  private static int port(Proxy proxy) {
    String listen = proxy.getListen();
    return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
  }

  static SocketChannel open(int port) throws IOException {
    SocketChannel channel = SocketChannel.open();
    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    channel.connect(new InetSocketAddress("127.0.0.1", port));
    return channel;
  }

  /**
   * Continuous ping-pong on each connection, as the reference measured it, in blocks of {@link
   * #PING_BLOCK} alternating between the paths, so both see the same machine: this VM's wake-up
   * latency drifts from 20 to 300 µs within minutes.
   */
  private static double[][] pingPong(int directPort, int proxiedPort, int samples)
      throws IOException {
    double[] direct = new double[samples];
    double[] proxied = new double[samples];
    try (SocketChannel toDirect = open(directPort);
        SocketChannel toProxy = open(proxiedPort)) {
      double[] warmUp = new double[Math.min(samples, 5_000)];
      roundTrips(toDirect, warmUp, 0, warmUp.length);
      roundTrips(toProxy, warmUp, 0, warmUp.length);
      for (int done = 0; done < samples; done += PING_BLOCK) {
        int count = Math.min(PING_BLOCK, samples - done);
        roundTrips(toDirect, direct, done, count);
        roundTrips(toProxy, proxied, done, count);
      }
    }
    return new double[][] {direct, proxied};
  }

  private static void roundTrips(SocketChannel channel, double[] micros, int from, int count)
      throws IOException {
    ByteBuffer message = ByteBuffer.allocateDirect(MESSAGE_SIZE);
    for (int i = from; i < from + count; i++) {
      long start = System.nanoTime();
      BenchIo.writeFully(channel, message.clear());
      if (!BenchIo.readFully(channel, message.clear())) {
        throw new IOException("echo ended early");
      }
      micros[i] = (System.nanoTime() - start) / 1_000.0;
    }
  }

  /**
   * Median MB/s of {@link #TRANSFERS} transfers per path, direct and proxied alternating so both
   * see the same machine load, after one unmeasured warm-up transfer per path (a quarter of the
   * size, at most 256 MiB) so the JIT has compiled both paths before anything is measured.
   */
  private static double[] throughputs(int directPort, int proxiedPort, long bytes)
      throws IOException {
    long warmUp = Math.max(1 << 20, Math.min(256L << 20, bytes / 4));
    throughput(directPort, warmUp);
    throughput(proxiedPort, warmUp);
    double[] direct = new double[TRANSFERS];
    double[] proxied = new double[TRANSFERS];
    for (int i = 0; i < TRANSFERS; i++) {
      direct[i] = throughput(directPort, bytes);
      proxied[i] = throughput(proxiedPort, bytes);
    }
    return new double[] {Percentiles.of(direct).p50(), Percentiles.of(proxied).p50()};
  }

  /** MB/s (10^6 bytes) of a one-way transfer until the sink acknowledged the last byte. */
  private static double throughput(int port, long bytes) throws IOException {
    ByteBuffer chunk = ByteBuffer.allocateDirect(256 << 10);
    try (SocketChannel channel = open(port)) {
      long start = System.nanoTime();
      BenchIo.writeFully(channel, ByteBuffer.allocate(Long.BYTES).putLong(bytes).flip());
      for (long left = bytes; left > 0; left -= chunk.capacity()) {
        BenchIo.writeFully(channel, chunk.clear().limit((int) Math.min(chunk.capacity(), left)));
      }
      if (!BenchIo.readFully(channel, ByteBuffer.allocate(1))) {
        throw new IOException("sink did not acknowledge the transfer");
      }
      return bytes / ((System.nanoTime() - start) / 1e9) / 1e6;
    }
  }

  /**
   * |round trip - 50 ms| in ms per ping through each 50 ms delay (the toxic, the relay, the echo),
   * one connection per path, the paths taking turns in blocks after a warm-up on each.
   */
  private static double[][] delayErrors(int[] ports, int samples) throws IOException {
    double[][] micros = new double[ports.length][samples];
    SocketChannel[] channels = new SocketChannel[ports.length];
    try {
      for (int path = 0; path < ports.length; path++) {
        channels[path] = open(ports[path]);
        roundTrips(channels[path], new double[DELAY_WARM_UP], 0, DELAY_WARM_UP);
      }
      for (int done = 0; done < samples; done += DELAY_BLOCK) {
        for (int path = 0; path < ports.length; path++) {
          roundTrips(channels[path], micros[path], done, Math.min(DELAY_BLOCK, samples - done));
        }
      }
    } finally {
      for (SocketChannel channel : channels) {
        if (channel != null) {
          channel.close();
        }
      }
    }
    double[][] millis = new double[ports.length][];
    for (int path = 0; path < ports.length; path++) {
      millis[path] =
          Arrays.stream(micros[path])
              .map(value -> Math.abs(value / 1_000.0 - TOXIC_LATENCY_MS))
              .toArray();
    }
    return millis;
  }
}
