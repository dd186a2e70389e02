package dev.faultline.gameday;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.faultline.InfrastructureException;
import dev.faultline.process.DaemonThreads;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The room's HTTP side, on the JDK's {@code com.sun.net.httpserver} bound to 127.0.0.1 only: the
 * page, the state as server-sent events, and the actions. An action is a POST that must carry the
 * server's token (in the page, and in the address file for {@code faultline abort}), come from no
 * other origin, and name this server as its Host (against DNS rebinding). Each browser gets a
 * session cookie that every action it takes is recorded with. Thread-safe.
 */
final class RoomServer implements AutoCloseable {

  static final String TOKEN_HEADER = "X-Faultline-Token";
  static final String SESSION_COOKIE = "faultline_session";
  private static final int MAX_STREAMS = 8;
  private static final Duration HEARTBEAT = Duration.ofSeconds(1);
  private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9-]{1,32}");
  private static final Pattern FAULT_ACTION = Pattern.compile("/api/faults/([^/]+)/(on|off)");
  private static final Pattern CHECK_ACTION = Pattern.compile("/api/checks/([^/]+)/run");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer http;
  private final ExecutorService threads;
  private final Room room;
  private final StateFeed feed;
  private final String page;
  private final String token = HexFormat.of().formatHex(RANDOM.generateSeed(16));
  private final AtomicInteger streams = new AtomicInteger();
  private final Set<String> hosts;

  private RoomServer(
      HttpServer http, ExecutorService threads, Room room, StateFeed feed, RoomPage page) {
    this.http = http;
    this.threads = threads;
    this.room = room;
    this.feed = feed;
    int port = http.getAddress().getPort();
    this.hosts = Set.of("127.0.0.1:" + port, "localhost:" + port);
    this.page = page.render(token);
  }

  /** Serves the room on 127.0.0.1:{@code port} (0: any free port). */
  static RoomServer start(int port, Room room, StateFeed feed, RoomPage page) {
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new InfrastructureException(
          "the game day page cannot listen on 127.0.0.1:"
              + port
              + ": "
              + e.getMessage()
              + "; pick another --port, or --port 0 for any free one",
          e);
    }
    ExecutorService threads =
        Executors.newFixedThreadPool(
            MAX_STREAMS + 8, DaemonThreads.numbered("faultline-gameday-http-"));
    http.setExecutor(threads);
    RoomServer server = new RoomServer(http, threads, room, feed, page);
    http.createContext("/", server::route);
    http.start();
    return server;
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/");
  }

  String token() {
    return token;
  }

  private void route(HttpExchange h) throws IOException {
    try (h) {
      String path = h.getRequestURI().getPath();
      if (!hosts.contains(String.valueOf(h.getRequestHeaders().getFirst("Host")))) {
        send(h, 421, "text/plain", "this room answers only to " + hosts);
      } else if ("GET".equals(h.getRequestMethod())) {
        get(h, path);
      } else if ("POST".equals(h.getRequestMethod())) {
        post(h, path);
      } else {
        h.getResponseHeaders().set("Allow", "GET, POST");
        send(h, 405, "text/plain", "only GET and POST");
      }
    } catch (RuntimeException e) {
      answer(h, 500, false, "the room failed: " + e);
    }
  }

  private void get(HttpExchange h, String path) throws IOException {
    switch (path) {
      case "/" -> {
        if (session(h) == null) {
          h.getResponseHeaders()
              .add(
                  "Set-Cookie",
                  SESSION_COOKIE
                      + "="
                      + HexFormat.of().formatHex(RANDOM.generateSeed(4))
                      + "; Path=/; HttpOnly; SameSite=Strict");
        }
        h.getResponseHeaders()
            .set(
                "Content-Security-Policy",
                "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
        send(h, 200, "text/html; charset=utf-8", page);
      }
      case "/events" -> stream(h);
      case "/api/state" -> send(h, 200, "application/json", feed.latest().json());
      default -> send(h, 404, "text/plain", "nothing at " + path);
    }
  }

  private void post(HttpExchange h, String path) throws IOException {
    String origin = h.getRequestHeaders().getFirst("Origin");
    if (origin != null && !hosts.contains(origin.replaceFirst("^http://", ""))) {
      answer(h, 403, false, "actions are taken only from this room's own page, not from " + origin);
      return;
    }
    if (!token.equals(h.getRequestHeaders().getFirst(TOKEN_HEADER))) {
      answer(h, 403, false, "missing or wrong " + TOKEN_HEADER + "; reload the page");
      return;
    }
    String session = session(h);
    String who = session == null ? "unknown" : session;
    try {
      Matcher fault = FAULT_ACTION.matcher(path);
      Matcher check = CHECK_ACTION.matcher(path);
      if (fault.matches()) {
        String name = URLDecoder.decode(fault.group(1), StandardCharsets.UTF_8);
        Room.Answer a =
            "on".equals(fault.group(2)) ? room.switchOn(name, who) : room.switchOff(name, who);
        answer(h, a.done() ? 200 : 409, a.done(), a.message());
      } else if (check.matches()) {
        Room.CheckRun run =
            room.runCheck(URLDecoder.decode(check.group(1), StandardCharsets.UTF_8), who);
        answer(h, 200, true, run.result().summary());
      } else if ("/api/notes".equals(path)) {
        JsonNode body = JSON.readTree(h.getRequestBody());
        Room.Answer a = room.note(body == null ? null : body.path("text").asText(null), who);
        answer(h, a.done() ? 200 : 400, a.done(), a.message());
      } else if ("/api/abort".equals(path)) {
        Room.Answer a = room.abort(who);
        answer(h, 200, a.done(), a.message());
      } else {
        answer(h, 404, false, "no action at " + path);
      }
    } catch (Room.UnknownName e) {
      answer(h, 404, false, e.getMessage());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      answer(
          h,
          400,
          false,
          "the body must be JSON like {\"text\": \"...\"}: " + e.getOriginalMessage());
    }
  }

  /**
   * Server-sent events: the state on every change and at least once a second, until the game day
   * ends.
   */
  private void stream(HttpExchange h) throws IOException {
    if (streams.incrementAndGet() > MAX_STREAMS) {
      streams.decrementAndGet();
      send(h, 503, "text/plain", "at most " + MAX_STREAMS + " pages may watch this room at once");
      return;
    }
    try {
      h.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      h.getResponseHeaders().set("Cache-Control", "no-store");
      h.sendResponseHeaders(200, 0);
      OutputStream out = h.getResponseBody();
      long seen = 0;
      while (true) {
        StateFeed.Published p = feed.after(seen, HEARTBEAT);
        if (p.version() == seen) {
          out.write(": heartbeat\n\n".getBytes(StandardCharsets.UTF_8));
        } else {
          out.write(
              ("id: " + p.version() + "\nevent: state\ndata: " + p.json() + "\n\n")
                  .getBytes(StandardCharsets.UTF_8));
          seen = p.version();
        }
        out.flush();
        if (p.last()) {
          return;
        }
      }
    } catch (IOException gone) {
      // The page was closed; nothing to clean up but the count.
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    } finally {
      streams.decrementAndGet();
    }
  }

  private static String session(HttpExchange h) {
    List<String> cookies = h.getRequestHeaders().getOrDefault("Cookie", List.of());
    for (String header : cookies) {
      for (String c : header.split(";")) {
        String[] kv = c.strip().split("=", 2);
        if (kv.length == 2 && SESSION_COOKIE.equals(kv[0]) && SESSION.matcher(kv[1]).matches()) {
          return kv[1];
        }
      }
    }
    return null;
  }

  private static void answer(HttpExchange h, int status, boolean ok, String message)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ok", ok);
    body.put("message", message);
    send(h, status, "application/json", JSON.writeValueAsString(body));
  }

  private static void send(HttpExchange h, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    h.getResponseHeaders().set("Content-Type", type);
    h.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    h.getResponseHeaders().set("Cache-Control", "no-store");
    h.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      h.getResponseBody().write(bytes);
    }
  }

  /** Stops listening; open event streams end with the last published state. */
  @Override
  public void close() {
    http.stop(1);
    threads.shutdownNow();
  }
}
