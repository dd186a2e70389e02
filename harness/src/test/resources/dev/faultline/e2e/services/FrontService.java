import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A front service for the wiring test: GET /call calls the back service at $BACK_URL/work and
 * answers with its reply; GET /stats counts the calls that reached it. Run: java FrontService.java
 * PORT
 */
public class FrontService {

  public static void main(String[] args) throws IOException {
    URI back = URI.create(System.getenv("BACK_URL") + "/work");
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    AtomicLong calls = new AtomicLong();
    HttpServer server =
        HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 64);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.createContext("/health", exchange -> answer(exchange, 200, "{\"status\":\"UP\"}"));
    server.createContext(
        "/stats", exchange -> answer(exchange, 200, "{\"calls\":" + calls.get() + "}"));
    server.createContext(
        "/call",
        exchange -> {
          try {
            HttpResponse<String> reply =
                client.send(
                    HttpRequest.newBuilder(back).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            calls.incrementAndGet();
            answer(exchange, reply.statusCode(), reply.body());
          } catch (IOException | InterruptedException e) {
            answer(exchange, 502, "back: " + e);
          }
        });
    server.start();
  }

  static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
