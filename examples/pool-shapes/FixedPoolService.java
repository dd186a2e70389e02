import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Document fingerprinting: each request splits a document into chunks and hashes them on a
 * shared worker pool of fixed size, next to the server's own fixed pool of request threads.
 *
 *   java examples/pool-shapes/FixedPoolService.java --port 8080
 *   GET /health · POST /fingerprint?chunks=8
 */
public class FixedPoolService {
    static final ExecutorService HASHERS = Executors.newFixedThreadPool(16);

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args.length > 1 ? args[1] : "8080");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 100);
        server.createContext("/health", ex -> reply(ex, 200, "ok"));
        server.createContext("/fingerprint", FixedPoolService::fingerprint);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.start();
        System.out.println("fingerprint service on 127.0.0.1:" + port);
    }

    static void fingerprint(HttpExchange ex) throws IOException {
        String query = ex.getRequestURI().getQuery();
        int chunks = query != null && query.startsWith("chunks=") ? Integer.parseInt(query.substring(7)) : 4;
        List<Future<byte[]>> parts = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            byte[] chunk = ("chunk-" + i + "-" + System.nanoTime()).repeat(200).getBytes(StandardCharsets.UTF_8);
            parts.add(HASHERS.submit(() -> MessageDigest.getInstance("SHA-256").digest(chunk)));
        }
        try {
            MessageDigest whole = MessageDigest.getInstance("SHA-256");
            for (Future<byte[]> part : parts) {
                whole.update(part.get(2, TimeUnit.SECONDS));
            }
            reply(ex, 200, "{\"fingerprint\":\"" + String.format("%064x", new java.math.BigInteger(1, whole.digest())) + "\"}");
        } catch (Exception e) {
            reply(ex, 500, "{\"error\":\"" + e + "\"}");
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
