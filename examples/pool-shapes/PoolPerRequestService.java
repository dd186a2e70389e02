import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * LEAKING TWIN of FixedPoolService. Order export: each request renders the CSV and the PDF of an
 * order in parallel on a pool it makes for the purpose — and never shuts down, so every request
 * leaves two idle threads behind.
 *
 *   java examples/pool-shapes/PoolPerRequestService.java --port 8080
 *   GET /health · POST /export?order=42
 */
public class PoolPerRequestService {

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args.length > 1 ? args[1] : "8080");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 100);
        server.createContext("/health", ex -> reply(ex, 200, "ok"));
        server.createContext("/export", PoolPerRequestService::export);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
        System.out.println("export service on 127.0.0.1:" + port);
    }

    static void export(HttpExchange ex) throws IOException {
        ExecutorService renderers = Executors.newFixedThreadPool(2); // the bug: never shut down
        try {
            Future<Integer> csv = renderers.submit(() -> render("csv"));
            Future<Integer> pdf = renderers.submit(() -> render("pdf"));
            int bytes = csv.get(2, TimeUnit.SECONDS) + pdf.get(2, TimeUnit.SECONDS);
            reply(ex, 200, "{\"bytes\":" + bytes + "}");
        } catch (Exception e) {
            reply(ex, 500, "{\"error\":\"" + e + "\"}");
        }
    }

    static int render(String format) throws InterruptedException {
        Thread.sleep(ThreadLocalRandom.current().nextInt(2, 10));
        return format.equals("pdf") ? 48_000 : 3_000;
    }

    static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
