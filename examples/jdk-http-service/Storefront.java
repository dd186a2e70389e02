import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The shop's front: a checkout reserves the item at the inventory service (InventoryService.java)
 * and answers once the inventory has. The op id travels with the reservation as its idempotency
 * key, so a retried checkout never reserves twice.
 *
 * <pre>
 *   java examples/jdk-http-service/Storefront.java --port 8081 --inventory http://127.0.0.1:8080
 *
 *   GET  /health                    200 "ok"
 *   POST /checkout?sku=S&op=ID      201 when the inventory reserved it; 409 when out of stock;
 *                                   504 when the inventory did not answer in time (it may have
 *                                   reserved); 502 when it failed
 * </pre>
 */
public class Storefront {
    final URI inventory;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    Storefront(URI inventory) {
        this.inventory = inventory;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int port = Integer.parseInt(opts.getOrDefault("port", "8081"));
        Storefront front = new Storefront(URI.create(opts.getOrDefault("inventory", "http://127.0.0.1:8080")));
        HttpServer server = HttpServer.create(new InetSocketAddress(opts.getOrDefault("bind", "127.0.0.1"), port), 128);
        server.createContext("/health", ex -> reply(ex, 200, "ok"));
        server.createContext("/checkout", front::checkout);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.start();
        System.out.println("storefront listening on " + port + ", inventory at " + front.inventory);
    }

    void checkout(HttpExchange ex) throws IOException {
        String query = ex.getRequestURI().getRawQuery();
        HttpRequest reserve = HttpRequest.newBuilder(inventory.resolve("/reservations?qty=1&" + (query == null ? "" : query)))
                .timeout(Duration.ofMillis(1500))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            HttpResponse<String> answer = http.send(reserve, HttpResponse.BodyHandlers.ofString());
            int status = answer.statusCode() == 200 ? 201 : answer.statusCode() == 409 ? 409 : 502;
            reply(ex, status, answer.body());
        } catch (HttpTimeoutException e) {
            reply(ex, 504, "{\"error\":\"inventory did not answer in time\"}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(ex, 503, "{\"error\":\"interrupted\"}");
        } catch (IOException e) {
            reply(ex, 502, "{\"error\":\"inventory unreachable: " + e.getMessage() + "\"}");
        }
    }

    static void reply(HttpExchange ex, int status, String body) throws IOException {
        ex.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
