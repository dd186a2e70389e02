import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Product search: the catalog is filtered with a parallel stream (the common ForkJoin pool),
 * results are ranked on the service's own ForkJoinPool, and "related products" are fetched with
 * CompletableFuture.supplyAsync (the common pool again).
 *
 *   java examples/pool-shapes/ForkJoinService.java --port 8080
 *   GET /health · GET /search?q=tea
 */
public class ForkJoinService {
    static final List<String> CATALOG = IntStream.range(0, 20_000)
            .mapToObj(i -> List.of("tea", "kettle", "mug", "pot", "cup").get(i % 5) + "-" + i).toList();
    static final ForkJoinPool RANKING = new ForkJoinPool(4);

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args.length > 1 ? args[1] : "8080");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 100);
        server.createContext("/health", ex -> reply(ex, 200, "ok"));
        server.createContext("/search", ForkJoinService::search);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
        System.out.println("search service on 127.0.0.1:" + port);
    }

    static void search(HttpExchange ex) throws IOException {
        String query = ex.getRequestURI().getQuery();
        String term = query != null && query.startsWith("q=") ? query.substring(2) : "tea";
        try {
            CompletableFuture<List<String>> related = CompletableFuture.supplyAsync(() -> List.of(term + "-gift-set", term + "-refill"));
            List<String> hits = CATALOG.parallelStream().filter(p -> p.startsWith(term)).collect(Collectors.toList());
            List<String> top = RANKING.submit(() -> hits.parallelStream()
                    .sorted((a, b) -> Integer.compare(score(b), score(a))).limit(5).toList()).get(2, TimeUnit.SECONDS);
            reply(ex, 200, "{\"hits\":" + hits.size() + ",\"top\":\"" + String.join(",", top)
                    + "\",\"related\":\"" + String.join(",", related.get(2, TimeUnit.SECONDS)) + "\"}");
        } catch (Exception e) {
            reply(ex, 500, "{\"error\":\"" + e + "\"}");
        }
    }

    static int score(String product) {
        return product.hashCode() % 997;
    }

    static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
