package dev.faultline.proxy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Toxiproxy 2.x HTTP API on the JDK's HTTP server, over a {@link ProxyRegistry} and its {@link
 * DataPlane}. Request bodies are read as JSON whatever their content type (the Java client sends a
 * form content type). A bad request only ever produces an error response; it never touches a live
 * proxy. Thread-safe.
 */
public final class ControlApi implements AutoCloseable {
  /** The Toxiproxy version whose API this server speaks. */
  public static final String TOXIPROXY_VERSION = "2.12.0";

  private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

  private final HttpServer http;
  private final ExecutorService executor;
  private final DataPlane dataPlane;
  private final ProxyRegistry registry;
  private ServerWarmUp warmUp;
  private Thread warmUpThread;

  private ControlApi(
      HttpServer http,
      ExecutorService executor,
      DataPlane dataPlane,
      long seed,
      ListenScope scope) {
    this.http = http;
    this.executor = executor;
    this.dataPlane = dataPlane;
    this.registry = new ProxyRegistry(dataPlane, seed, scope);
  }

  /** Whether {@code host} is this machine's loopback (localhost, 127.0.0.0/8, ::1). */
  public static boolean isLoopback(String host) {
    return ListenScope.isLoopback(host);
  }

  /**
   * Binds the API to {@code host:port} (0 = a free port) and starts serving. When {@code host} is
   * loopback, so must every proxy's {@code listen} be.
   */
  public static ControlApi start(String host, int port, long seed) throws IOException {
    answerWithoutNagle();
    HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 64);
    AtomicInteger threads = new AtomicInteger();
    ThreadPoolExecutor executor =
        (ThreadPoolExecutor)
            Executors.newFixedThreadPool(
                2,
                task -> {
                  Thread thread =
                      new Thread(task, "faultline-proxy-api-" + threads.incrementAndGet());
                  thread.setDaemon(true);
                  return thread;
                });
    executor.prestartAllCoreThreads(); // not on the first requests' time
    DataPlane dataPlane =
        DataPlane.create(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
    ControlApi api = new ControlApi(http, executor, dataPlane, seed, ListenScope.of(host));
    http.setExecutor(executor);
    http.createContext("/", api::handle);
    http.start();
    if (ServerWarmUp.enabled()) {
      api.startWarmUp();
    }
    return api;
  }

  /** Warms the API and data plane in the background: the server serves meanwhile. */
  private void startWarmUp() {
    warmUp = new ServerWarmUp(dataPlane, http.getAddress());
    warmUpThread = new Thread(warmUp, "faultline-proxy-warm-up");
    warmUpThread.setDaemon(true);
    warmUpThread.start();
  }

  /** The start-up warm-up, in words: off, still running, done in how long, or stopped early. */
  public String warmUpSummary() {
    return warmUp == null ? "off" : warmUp.summary();
  }

  /**
   * Waits at most {@code timeout} for the start-up warm-up and says how long it took; empty when it
   * is disabled, stopped early or still running.
   */
  public Optional<Duration> awaitWarmUp(Duration timeout) {
    if (warmUpThread == null) {
      return Optional.empty();
    }
    try {
      warmUpThread.join(Math.max(1, timeout.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long took = warmUp.tookNanos();
    return took < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(took));
  }

  /**
   * The JDK's HTTP server writes a response's headers and body apart, and with Nagle's algorithm on
   * (its default) the body waits for the client's delayed ACK of the headers: every request on a
   * kept-alive connection, as the Toxiproxy clients use, took 44 ms instead of 1-3. Its switch is a
   * system property read once, when the first server of the JVM is made; one set by the user stays.
   */
  private static void answerWithoutNagle() {
    if (System.getProperty(NO_DELAY_PROPERTY) == null) {
      System.setProperty(NO_DELAY_PROPERTY, "true");
    }
  }

  public int port() {
    return http.getAddress().getPort();
  }

  /** "epoll" or "nio": the transport the data plane runs on. */
  public String transport() {
    return dataPlane.transport();
  }

  @Override
  public void close() {
    if (warmUpThread != null) {
      // it ends within a connection's time while the data plane still runs; only then close that
      ServerWarmUp.stop(warmUpThread, ServerWarmUp.STOP_WAIT);
    }
    http.stop(0);
    executor.shutdownNow();
    registry.close();
    dataPlane.close();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = readBody(exchange.getRequestBody());
      try {
        String agent = exchange.getRequestHeaders().getFirst("User-Agent");
        if (agent != null && agent.startsWith("Mozilla/")) {
          throw new ApiException(403, "User agent not allowed");
        }
        route(exchange, exchange.getRequestMethod(), segments(exchange), body);
      } catch (ApiException e) {
        sendJson(exchange, e.status(), ApiJson.error(e));
      } catch (RuntimeException e) {
        sendJson(exchange, 500, ApiJson.error(new ApiException(500, String.valueOf(e))));
      }
    }
  }

  private void route(HttpExchange exchange, String method, List<String> path, byte[] body)
      throws IOException {
    String root = path.isEmpty() ? "" : path.get(0);
    switch (path.size() + ":" + root) {
      case "1:reset" -> {
        requireMethod(method, "POST");
        registry.reset();
        sendEmpty(exchange);
      }
      case "1:version" -> {
        requireMethod(method, "GET");
        ObjectNode version = ApiJson.MAPPER.createObjectNode().put("version", TOXIPROXY_VERSION);
        sendJson(exchange, 200, version);
      }
      case "1:metrics" -> {
        requireMethod(method, "GET");
        byte[] text = MetricsText.render(registry.all()).getBytes(StandardCharsets.UTF_8);
        send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", text);
      }
      case "1:populate" -> {
        requireMethod(method, "POST");
        List<ProxyRequest> requests = ApiJson.populateRequest(ApiJson.parse(body));
        ArrayNode proxies = ApiJson.MAPPER.createArrayNode();
        registry.populate(requests).forEach(proxy -> proxies.add(ApiJson.proxy(proxy)));
        ObjectNode result = ApiJson.MAPPER.createObjectNode();
        result.set("proxies", proxies);
        sendJson(exchange, 201, result);
      }
      case "1:proxies" -> proxies(exchange, method, body);
      case "2:proxies" -> proxy(exchange, method, path.get(1), body);
      case "3:proxies" -> toxics(exchange, method, path, body);
      case "4:proxies" -> toxic(exchange, method, path, body);
      default -> throw new ApiException(404, "404 page not found");
    }
  }

  private void proxies(HttpExchange exchange, String method, byte[] body) throws IOException {
    if (method.equals("GET")) {
      ObjectNode all = ApiJson.MAPPER.createObjectNode();
      registry.all().forEach(proxy -> all.set(proxy.name(), ApiJson.proxy(proxy)));
      sendJson(exchange, 200, all);
      return;
    }
    requireMethod(method, "POST");
    ProxyRequest request = ApiJson.proxyRequest(ApiJson.parseObject(body), true);
    sendJson(exchange, 201, ApiJson.proxy(registry.create(request)));
  }

  private void proxy(HttpExchange exchange, String method, String name, byte[] body)
      throws IOException {
    switch (method) {
      case "GET" -> sendJson(exchange, 200, ApiJson.proxy(registry.get(name)));
      case "POST", "PATCH" -> {
        ProxyInstance proxy = registry.get(name);
        JsonNode input = ApiJson.parseObject(body);
        String listen = ApiJson.text(input, "listen", proxy.listen());
        String upstream = ApiJson.text(input, "upstream", proxy.upstream());
        boolean enabled = ApiJson.bool(input, "enabled", proxy.enabled());
        proxy.update(listen, upstream, enabled);
        sendJson(exchange, 200, ApiJson.proxy(proxy));
      }
      case "DELETE" -> {
        registry.delete(name);
        sendEmpty(exchange);
      }
      default -> throw methodNotAllowed();
    }
  }

  private void toxics(HttpExchange exchange, String method, List<String> path, byte[] body)
      throws IOException {
    requirePath(path, 2, "toxics");
    ProxyInstance proxy = registry.get(path.get(1));
    if (method.equals("GET")) {
      sendJson(exchange, 200, ApiJson.toxics(proxy.toxics().snapshot().all()));
      return;
    }
    requireMethod(method, "POST");
    ToxicSpec toxic = proxy.toxics().add(ApiJson.newToxic(ApiJson.parseObject(body)));
    sendJson(exchange, 200, ApiJson.toxic(toxic));
  }

  private void toxic(HttpExchange exchange, String method, List<String> path, byte[] body)
      throws IOException {
    requirePath(path, 2, "toxics");
    ProxyInstance proxy = registry.get(path.get(1));
    String name = path.get(3);
    switch (method) {
      case "GET" -> {
        ToxicSpec toxic = proxy.toxics().get(name);
        if (toxic == null) {
          throw ApiException.toxicNotFound();
        }
        sendJson(exchange, 200, ApiJson.toxic(toxic));
      }
      case "POST", "PATCH" -> {
        JsonNode input = ApiJson.parseObject(body);
        ToxicSpec updated = proxy.toxics().update(name, old -> ApiJson.updatedToxic(old, input));
        sendJson(exchange, 200, ApiJson.toxic(updated));
      }
      case "DELETE" -> {
        proxy.toxics().remove(name);
        sendEmpty(exchange);
      }
      default -> throw methodNotAllowed();
    }
  }

  private static void requirePath(List<String> path, int index, String expected) {
    if (!path.get(index).equals(expected)) {
      throw new ApiException(404, "404 page not found");
    }
  }

  private static void requireMethod(String method, String allowed) {
    if (!method.equals(allowed)) {
      throw methodNotAllowed();
    }
  }

  private static ApiException methodNotAllowed() {
    return new ApiException(405, "method not allowed");
  }

  private static List<String> segments(HttpExchange exchange) {
    List<String> segments = new ArrayList<>();
    Arrays.stream(exchange.getRequestURI().getRawPath().split("/"))
        .filter(segment -> !segment.isEmpty())
        .forEach(segment -> segments.add(URLDecoder.decode(segment, StandardCharsets.UTF_8)));
    return segments;
  }

  private static byte[] readBody(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  private static void sendJson(HttpExchange exchange, int status, JsonNode json)
      throws IOException {
    send(exchange, status, "application/json", ApiJson.bytes(json));
  }

  private static void sendEmpty(HttpExchange exchange) throws IOException {
    exchange.sendResponseHeaders(204, -1);
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
