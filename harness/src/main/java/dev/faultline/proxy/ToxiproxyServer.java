package dev.faultline.proxy;

import dev.faultline.proxy.internal.ControlApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An embedded server that speaks Toxiproxy 2.x's HTTP API and proxies TCP with its toxics (latency,
 * bandwidth, slow_close, timeout, reset_peer, slicer, limit_data; down = proxy disabled). Drive it
 * with any Toxiproxy client, e.g. {@code new ToxiproxyClient("127.0.0.1", server.port())}.
 *
 * <p>Randomness (toxicity, jitter, slicer sizes) comes from {@link #seed()}: with the same seed and
 * the same order of connections a run replays.
 *
 * <p>Thread-safe. {@link #close()} stops every proxy, drops every connection and releases every
 * thread; it is idempotent.
 */
public final class ToxiproxyServer implements AutoCloseable {
  /** The address Toxiproxy's API listens on by default. */
  public static final int DEFAULT_PORT = 8474;

  /** How long {@code faultline proxy} waits to say the warm-up ended (it serves meanwhile). */
  private static final Duration WARM_UP_WAIT = Duration.ofSeconds(5);

  private final ControlApi api;
  private final String host;
  private final long seed;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ToxiproxyServer(ControlApi api, String host, long seed) {
    this.api = api;
    this.host = host;
    this.seed = seed;
  }

  /** Starts a server on {@code host:port} ({@code port} 0 = a free port) with a random seed. */
  public static ToxiproxyServer start(String host, int port) {
    return start(host, port, ThreadLocalRandom.current().nextLong());
  }

  /** Starts a server on {@code host:port} ({@code port} 0 = a free port) with the given seed. */
  public static ToxiproxyServer start(String host, int port, long seed) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
    }
    try {
      return new ToxiproxyServer(ControlApi.start(host, port, seed), host, seed);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot start the Toxiproxy-compatible server on " + host + ":" + port, e);
    }
  }

  /**
   * Serves on {@code host:port} until the calling thread is interrupted or the JVM shuts down
   * (Ctrl-C), then closes. For {@code ./faultline proxy [--host 127.0.0.1] [--port 8474]}.
   */
  public static void serveUntilInterrupted(String host, int port) {
    ToxiproxyServer server = start(host, port);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              server.close();
              stopped.countDown();
            },
            "faultline-proxy-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    System.out.println(
        "Toxiproxy-compatible API on " + server.url() + " (seed " + server.seed() + ")");
    server.awaitWarmUp(WARM_UP_WAIT);
    System.out.println("warm-up: " + server.api.warmUpSummary());
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      server.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run: nothing left to undo
      }
    }
  }

  /** {@code [--host 127.0.0.1] [--port 8474]}: serves until Ctrl-C. */
  public static void main(String[] args) {
    String host = "127.0.0.1";
    int port = DEFAULT_PORT;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--host" -> host = args[i + 1];
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        default ->
            throw new IllegalArgumentException(
                "unknown option " + args[i] + "; use --host, --port");
      }
    }
    serveUntilInterrupted(host, port);
  }

  /** Whether {@code host} is this machine's loopback: localhost, 127.0.0.0/8 or ::1. */
  public static boolean isLoopback(String host) {
    return ControlApi.isLoopback(host);
  }

  /** The port the API listens on (the real one when started with 0). */
  public int port() {
    return api.port();
  }

  /** The API's base URL, e.g. {@code http://127.0.0.1:8474}. */
  public String url() {
    String shown = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + shown + ":" + port();
  }

  /** The seed every connection's random source derives from. */
  public long seed() {
    return seed;
  }

  /**
   * Waits at most {@code timeout} for the warm-up the server runs in the background at start, and
   * says how long it took; empty when disabled ({@code faultline.proxy.warm-up=false}), stopped
   * early or still running.
   */
  Optional<Duration> awaitWarmUp(Duration timeout) {
    return api.awaitWarmUp(timeout);
  }

  /** "epoll" or "nio": the transport of the data plane, for the benchmark's report. */
  String transport() {
    return api.transport();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      api.close();
    }
  }
}
