import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Notifications: each request sends a message to a few recipients at once (mail, SMS, push),
 * each a slow call, on one shared cached pool that grows with how many are in flight. The server
 * itself runs on a cached pool too.
 *
 *   java examples/pool-shapes/CachedPoolService.java --port 8080
 *   GET /health · POST /notify?recipients=3 · GET /notify/sent
 */
public class CachedPoolService {
    static final ExecutorService SENDERS = Executors.newCachedThreadPool();
    static final AtomicLong SENT = new AtomicLong();

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args.length > 1 ? args[1] : "8080");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 100);
        server.createContext("/health", ex -> reply(ex, 200, "ok"));
        server.createContext("/notify", CachedPoolService::notifyAll);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        System.out.println("notification service on 127.0.0.1:" + port);
    }

    static void notifyAll(HttpExchange ex) throws IOException {
        if ("GET".equals(ex.getRequestMethod())) {
            reply(ex, 200, "{\"value\":" + SENT.get() + "}");
            return;
        }
        String query = ex.getRequestURI().getQuery();
        int recipients = query != null && query.startsWith("recipients=") ? Integer.parseInt(query.substring(11)) : 3;
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < recipients; i++) {
            sends.add(CompletableFuture.runAsync(CachedPoolService::send, SENDERS));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(2, TimeUnit.SECONDS);
            SENT.incrementAndGet();
            reply(ex, 200, "{\"sent\":" + recipients + "}");
        } catch (Exception e) {
            reply(ex, 502, "{\"error\":\"" + e + "\"}");
        }
    }

    /** Stands in for a gateway call that takes 10-40 ms. */
    static void send() {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(10, 40));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
