import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * LEAKING TWIN. Webhooks: each delivery is answered 202 at once, and a thread is started to wait
 * for the receiver's acknowledgement and then mark the delivery done. The receiver never calls
 * back (its callback URL was misconfigured), nothing times the wait out, so every request leaves
 * a thread parked forever.
 *
 *   java examples/pool-shapes/ParkedWaiterService.java --port 8080
 *   GET /health · POST /webhooks · POST /webhooks/ack?id=7 (what nobody calls)
 */
public class ParkedWaiterService {
    static final AtomicLong IDS = new AtomicLong();
    static final Map<Long, CompletableFuture<String>> PENDING = new ConcurrentHashMap<>();

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args.length > 1 ? args[1] : "8080");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 100);
        server.createContext("/health", ex -> reply(ex, 200, "ok"));
        server.createContext("/webhooks", ParkedWaiterService::deliver);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
        System.out.println("webhook service on 127.0.0.1:" + port);
    }

    static void deliver(HttpExchange ex) throws IOException {
        if (ex.getRequestURI().getPath().endsWith("/ack")) {
            long id = Long.parseLong(ex.getRequestURI().getQuery().substring(3));
            CompletableFuture<String> ack = PENDING.remove(id);
            if (ack != null) {
                ack.complete("acknowledged");
            }
            reply(ex, 200, "{}");
            return;
        }
        long id = IDS.incrementAndGet();
        CompletableFuture<String> ack = new CompletableFuture<>();
        PENDING.put(id, ack);
        Thread waiter = new Thread(() -> System.out.println("delivery " + id + ": " + ack.join()), "webhook-ack-" + id);
        waiter.start();
        reply(ex, 202, "{\"delivery\":" + id + "}");
    }

    static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
