package dev.faultline.junit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter service written the ordinary way, on the JDK's HttpServer: {@code POST
 * /counter/increment} adds one, {@code GET /counter} answers {@code {"value": N}}, {@code GET
 * /health} answers 200. Listens on 127.0.0.1 only. Started in the test's JVM on a free port, or as
 * a {@code command} target: {@code java -cp target/test-classes dev.faultline.junit.CounterService
 * --port N}. Thread-safe.
 */
final class CounterService implements AutoCloseable {

  private final AtomicLong value = new AtomicLong();
  private final HttpServer server;
  private final ExecutorService workers = Executors.newFixedThreadPool(4);

  private CounterService(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    server.createContext("/health", exchange -> answer(exchange, 200, "{\"status\":\"UP\"}"));
    server.createContext("/counter", this::counter);
    server.setExecutor(workers);
    server.start();
  }

  /** A counter on {@code port} of 127.0.0.1 (0: a free port), answering once this returns. */
  static CounterService start(int port) throws IOException {
    return new CounterService(port);
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The increments applied so far. */
  long value() {
    return value.get();
  }

  private void counter(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (path.equals("/counter/increment") && method.equals("POST")) {
      answer(exchange, 200, "{\"value\":" + value.incrementAndGet() + "}");
    } else if (path.equals("/counter") && method.equals("GET")) {
      answer(exchange, 200, "{\"value\":" + value.get() + "}");
    } else {
      answer(exchange, 404, "{\"error\":\"no " + method + " " + path + "\"}");
    }
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (var out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdown();
    try {
      workers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code --port N}: serves until the process is stopped. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2 || !args[0].equals("--port")) {
      System.err.println("usage: CounterService --port N");
      System.exit(2);
    }
    CounterService service = start(Integer.parseInt(args[1]));
    System.out.println("counter listening at " + service.url());
  }
}
