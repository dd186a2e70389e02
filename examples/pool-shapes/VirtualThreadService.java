import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Shipping quotes on virtual threads (JDK 21+): the server runs each request on its own virtual
 * thread, and each request asks three carriers at once, each on a virtual thread of its own.
 *
 *   java examples/pool-shapes/VirtualThreadService.java --port 8080     (a JDK 21 or newer)
 *   GET /health · GET /shipping/quote?kg=2
 */
public class VirtualThreadService {
    static final List<String> CARRIERS = List.of("post", "courier", "freight");

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args.length > 1 ? args[1] : "8080");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 100);
        server.createContext("/health", ex -> reply(ex, 200, "ok"));
        server.createContext("/shipping/quote", VirtualThreadService::quote);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        System.out.println("shipping service on 127.0.0.1:" + port + " (virtual threads)");
    }

    static void quote(HttpExchange ex) throws IOException {
        try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> prices = CARRIERS.stream().map(c -> calls.submit(() -> askCarrier(c))).toList();
            int best = Integer.MAX_VALUE;
            for (Future<Integer> price : prices) {
                best = Math.min(best, price.get(2, TimeUnit.SECONDS));
            }
            reply(ex, 200, "{\"bestCents\":" + best + "}");
        } catch (Exception e) {
            reply(ex, 502, "{\"error\":\"" + e + "\"}");
        }
    }

    /** Stands in for a carrier's rate API: 5-30 ms. */
    static int askCarrier(String carrier) throws InterruptedException {
        Thread.sleep(ThreadLocalRandom.current().nextInt(5, 30));
        return 400 + Math.abs(carrier.hashCode() % 300);
    }

    static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
