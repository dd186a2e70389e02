package dev.faultline.proxy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The proxy as a run meets it: for each of N starts, a server in a new JVM (the command the caller
 * gives, e.g. {@code faultline proxy --port 0} with this JVM's java and classpath), driven from
 * this JVM with the official Toxiproxy client and raw sockets, with no warm-up sent to it: the
 * first {@code POST /proxies}, the first connections (connect, 64 B echo, close), a fresh 50 ms
 * latency toxic over new connections, then many connections through the proxy and, in alternating
 * blocks, directly to the echo. Only this JVM's own code is warmed first, against a throwaway
 * in-process server, so the parent's first calls do not count against the child. All on 127.0.0.1.
 * Not thread-safe; one run at a time.
 */
public final class FreshProxyBenchmark {
  private static final int MESSAGE_SIZE = 64;
  private static final long TOXIC_LATENCY_MS = 50;
  private static final int NEXT_CONNECTIONS = 4;
  private static final int CONNECTION_BLOCK = 100;
  private static final long READY_TIMEOUT_SECONDS = 30;
  private static final Pattern READY = Pattern.compile("API on http://127\\.0\\.0\\.1:(\\d+)");

  private FreshProxyBenchmark() {}

  /** How many servers, samples through the fresh toxic each, and connections after it. */
  public record Options(int starts, int toxicSamples, int connections) {
    public Options {
      if (starts < 1 || toxicSamples < FreshFigures.FIRST_TOXIC_CONNECTIONS || connections < 100) {
        throw new IllegalArgumentException(
            "starts must be >= 1, toxicSamples >= 5, connections >= 100; got "
                + starts
                + ", "
                + toxicSamples
                + ", "
                + connections);
      }
    }

    public static Options defaults() {
      return new Options(5, 200, 3_000);
    }
  }

  /**
   * Starts {@code options.starts()} servers one after the other with {@code serverCommand}, which
   * must print {@code API on http://127.0.0.1:PORT} when it serves (as {@code faultline proxy}
   * does), measures each, and stops it.
   */
  public static FreshFigures run(
      Options options, List<String> serverCommand, PrintStream progress) {
    warmThisJvm();
    List<FreshFigures.Start> starts = new ArrayList<>();
    for (int i = 1; i <= options.starts(); i++) {
      progress.printf(
          Locale.ROOT,
          "bench: fresh server %d of %d in a new JVM (%d toxic samples, about %d s)…%n",
          i,
          options.starts(),
          options.toxicSamples(),
          options.toxicSamples() * TOXIC_LATENCY_MS / 1000 + 2);
      starts.add(oneStart(options, serverCommand, progress));
    }
    return new FreshFigures(starts);
  }

  /** This JVM's client, sockets and echo, run once against an in-process server: not measured. */
  private static void warmThisJvm() {
    try (ToxiproxyServer server = ToxiproxyServer.start("127.0.0.1", 0, 1L);
        BenchPeers echo = BenchPeers.echo(MESSAGE_SIZE)) {
      measure(new Options(1, 5, 100), server.port(), echo, 0, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("could not warm up the benchmark's own client", e);
    }
  }

  private static FreshFigures.Start oneStart(
      Options options, List<String> serverCommand, PrintStream progress) {
    long spawned = System.nanoTime();
    Process server;
    try {
      server =
          new ProcessBuilder(serverCommand).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the server: " + serverCommand, e);
    }
    try (BenchPeers echo = BenchPeers.echo(MESSAGE_SIZE)) {
      Started started = awaitStarted(server, progress);
      return measure(
          options,
          started.port(),
          echo,
          (started.readyAt() - spawned) / 1e6,
          (started.warmedAt() - started.readyAt()) / 1e6);
    } catch (IOException e) {
      throw new UncheckedIOException("fresh proxy benchmark failed", e);
    } finally {
      stop(server);
    }
  }

  private static FreshFigures.Start measure(
      Options options, int apiPort, BenchPeers echo, double readyMillis, double warmUpMillis)
      throws IOException {
    ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", apiPort);
    long before = System.nanoTime();
    Proxy proxy = client.createProxy("bench-fresh", "127.0.0.1:0", echo.address());
    double createMillis = (System.nanoTime() - before) / 1e6;
    int port =
        Integer.parseInt(proxy.getListen().substring(proxy.getListen().lastIndexOf(':') + 1));
    ByteBuffer message = ByteBuffer.allocateDirect(MESSAGE_SIZE);
    double first = connectEchoClose(port, message) / 1e3;
    double[] next = new double[NEXT_CONNECTIONS];
    for (int i = 0; i < next.length; i++) {
      next[i] = connectEchoClose(port, message) / 1e3;
    }
    proxy.toxics().latency("latency_downstream", ToxicDirection.DOWNSTREAM, TOXIC_LATENCY_MS);
    double[] toxicErrors = new double[options.toxicSamples()];
    for (int i = 0; i < toxicErrors.length; i++) {
      toxicErrors[i] = Math.abs(pingOnNewConnection(port, message) / 1e3 - TOXIC_LATENCY_MS);
    }
    proxy.toxics().get("latency_downstream").remove();
    double[] proxied = new double[options.connections()];
    double[] direct = new double[options.connections()];
    for (int done = 0; done < proxied.length; done += CONNECTION_BLOCK) {
      int count = Math.min(CONNECTION_BLOCK, proxied.length - done);
      for (int i = done; i < done + count; i++) {
        proxied[i] = connectEchoClose(port, message);
      }
      for (int i = done; i < done + count; i++) {
        direct[i] = connectEchoClose(echo.port(), message);
      }
    }
    return new FreshFigures.Start(
        readyMillis, warmUpMillis, createMillis, first, next, toxicErrors, proxied, direct);
  }

  /** µs to connect, send 64 bytes, read them back and close. */
  private static double connectEchoClose(int port, ByteBuffer message) throws IOException {
    long start = System.nanoTime();
    try (SocketChannel channel = ProxyBenchmark.open(port)) {
      echoOnce(channel, message);
    }
    return (System.nanoTime() - start) / 1e3;
  }

  /** µs of one 64-byte round trip on a connection of its own (the connect is not counted). */
  private static double pingOnNewConnection(int port, ByteBuffer message) throws IOException {
    try (SocketChannel channel = ProxyBenchmark.open(port)) {
      long start = System.nanoTime();
      echoOnce(channel, message);
      return (System.nanoTime() - start) / 1e3;
    }
  }

  private static void echoOnce(SocketChannel channel, ByteBuffer message) throws IOException {
    BenchIo.writeFully(channel, message.clear());
    if (!BenchIo.readFully(channel, message.clear())) {
      throw new IOException("the echo through the proxy ended early");
    }
  }

  /** When the server said it serves (with its port) and when it said its warm-up ended. */
  private record Started(int port, long readyAt, long warmedAt) {}

  /**
   * Reads the server's output: its API port, then its {@code warm-up:} line, which a run's server
   * reaches while the targets start; the rest is drained.
   */
  private static Started awaitStarted(Process server, PrintStream progress) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<long[]> ready = new CompletableFuture<>();
    CompletableFuture<Long> warmed = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  Matcher api = READY.matcher(line);
                  if (api.find()) {
                    ready.complete(new long[] {Integer.parseInt(api.group(1)), System.nanoTime()});
                  } else if (line.startsWith("warm-up:")) {
                    warmed.complete(System.nanoTime());
                    progress.println("bench: the server says " + line);
                  }
                }
              } catch (IOException ended) {
                // the server stopped
              }
              ready.completeExceptionally(new IOException("the server exited before it served"));
              warmed.completeExceptionally(new IOException("the server exited before warm-up"));
            },
            "bench-fresh-output");
    reader.setDaemon(true);
    reader.start();
    try {
      long[] api = ready.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      long warmedAt = warmed.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return new Started((int) api[0], api[1], warmedAt);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException(
          "the fresh server did not print 'API on http://127.0.0.1:PORT' then 'warm-up: ...' within "
              + READY_TIMEOUT_SECONDS
              + " s",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the fresh server started", e);
    }
  }

  private static void stop(Process server) {
    server.destroy();
    try {
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      server.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
