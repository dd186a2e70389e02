package dev.faultline.load.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP target on 127.0.0.1 for end-to-end tests. {@code /ok/...} answers 200, {@code
 * /fail/...} 500, {@code /hold/...} never answers (until close), {@code /slow/...} answers 200
 * after a delay scheduled on a timer. It records every path and the peak of requests in flight.
 */
final class RecordingServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService handlers = Executors.newFixedThreadPool(8);
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final Queue<String> paths = new ConcurrentLinkedQueue<>();
  private final Queue<HttpExchange> held = new ConcurrentLinkedQueue<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peakInFlight = new AtomicInteger();
  private final long slowMillis;

  RecordingServer(long slowMillis) {
    this.slowMillis = slowMillis;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/ok/", exchange -> answer(exchange, 200));
    server.createContext("/fail/", exchange -> answer(exchange, 500));
    server.createContext(
        "/hold/",
        exchange -> {
          paths.add(exchange.getRequestURI().getPath());
          held.add(exchange);
        });
    server.createContext(
        "/slow/",
        exchange -> {
          paths.add(exchange.getRequestURI().getPath());
          peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          timer.schedule(
              () -> {
                inFlight.decrementAndGet();
                respond(exchange, 200);
              },
              slowMillis,
              TimeUnit.MILLISECONDS);
        });
    server.setExecutor(handlers);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<String> paths() {
    return List.copyOf(paths);
  }

  int peakInFlight() {
    return peakInFlight.get();
  }

  private void answer(HttpExchange exchange, int status) {
    paths.add(exchange.getRequestURI().getPath());
    respond(exchange, status);
  }

  private static void respond(HttpExchange exchange, int status) {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(status, -1);
    } catch (IOException e) {
      // the client gave up (timeout): nothing to answer
    }
  }

  @Override
  public void close() {
    held.forEach(HttpExchange::close);
    server.stop(0);
    timer.shutdownNow();
    handlers.shutdownNow();
  }
}
