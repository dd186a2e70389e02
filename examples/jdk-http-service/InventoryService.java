import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A small inventory service on the JDK's own HTTP server.
 *
 * <pre>
 *   java examples/jdk-http-service/InventoryService.java --port 8080 [--bind 127.0.0.1] [--fan-out-pool-per-request]
 *
 *   GET  /health                          200 "ok"
 *   POST /reservations?sku=S&qty=N&op=ID  reserves stock; op is the client's idempotency key
 *   GET  /reservations                    {"reserved": total units reserved}
 *   GET  /reservations/ops                {"applied": [ids], "duplicates": []} (a replayed id is not applied again)
 *   GET  /availability?skus=a,b,c         asks every warehouse in parallel, answers the total per sku
 *   POST /visits                          counts a page visit (no id: a plain counter)
 *   GET  /visits                          {"value": visits}
 * </pre>
 *
 * --fan-out-pool-per-request (or FAN_OUT_POOL_PER_REQUEST=true) is the bug we shipped once: the
 * availability handler built a 4-thread pool for every request and never shut it down.
 */
public class InventoryService {
    static final List<String> WAREHOUSES = List.of("north", "south", "east", "west");

    final Map<String, Integer> stock = new ConcurrentHashMap<>();
    final ReentrantLock reservationLock = new ReentrantLock();
    final Set<String> appliedOps = ConcurrentHashMap.newKeySet();
    final AtomicLong reserved = new AtomicLong();
    final AtomicLong visits = new AtomicLong();
    final ExecutorService warehouseCalls = Executors.newFixedThreadPool(8);
    final boolean poolPerRequest;

    InventoryService(boolean poolPerRequest) {
        this.poolPerRequest = poolPerRequest;
        for (String sku : List.of("apple", "pear", "plum", "fig")) {
            stock.put(sku, 1_000_000);
        }
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = options(args);
        boolean buggy = opts.containsKey("fan-out-pool-per-request") || "true".equals(System.getenv("FAN_OUT_POOL_PER_REQUEST"));
        int port = Integer.parseInt(opts.getOrDefault("port", System.getenv().getOrDefault("PORT", "8080")));
        String bind = opts.getOrDefault("bind", "127.0.0.1");
        InventoryService service = new InventoryService(buggy);

        HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 128);
        server.createContext("/health", ex -> reply(ex, 200, "ok"));
        server.createContext("/reservations", service::reservations);
        server.createContext("/availability", service::availability);
        server.createContext("/visits", service::visits);
        server.setExecutor(Executors.newFixedThreadPool(64));
        server.start();
        System.out.println("inventory listening on " + bind + ":" + port + (buggy ? " (fan-out pool per request)" : ""));
    }

    void reservations(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex);
        if (ex.getRequestURI().getPath().endsWith("/ops")) {
            reply(ex, 200, "{\"applied\":" + json(appliedOps) + ",\"duplicates\":[]}");
        } else if ("GET".equals(ex.getRequestMethod())) {
            reply(ex, 200, "{\"reserved\":" + reserved.get() + "}");
        } else {
            String sku = q.getOrDefault("sku", "apple");
            int qty = Integer.parseInt(q.getOrDefault("qty", "1"));
            String op = q.get("op");
            reservationLock.lock();
            try {
                if (op != null && !appliedOps.add(op)) {
                    reply(ex, 200, "{\"sku\":\"" + sku + "\",\"replayed\":true}");
                    return;
                }
                int left = stock.getOrDefault(sku, 0);
                if (left < qty) {
                    reply(ex, 409, "{\"error\":\"out of stock\"}");
                    return;
                }
                stock.put(sku, left - qty);
                reserved.addAndGet(qty);
            } finally {
                reservationLock.unlock();
            }
            reply(ex, 200, "{\"sku\":\"" + sku + "\",\"reserved\":" + qty + "}");
        }
    }

    void availability(HttpExchange ex) throws IOException {
        String[] skus = query(ex).getOrDefault("skus", "apple").split(",");
        ExecutorService pool = poolPerRequest ? Executors.newFixedThreadPool(4) : warehouseCalls;
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String warehouse : WAREHOUSES) {
                answers.add(pool.submit(() -> askWarehouse(warehouse, skus)));
            }
            int total = 0;
            for (Future<Integer> answer : answers) {
                total += answer.get(2, TimeUnit.SECONDS);
            }
            reply(ex, 200, "{\"skus\":" + skus.length + ",\"available\":" + total + "}");
        } catch (Exception e) {
            reply(ex, 503, "{\"error\":\"" + e + "\"}");
        }
    }

    /** Stands in for a call to a warehouse system: a few milliseconds, then its count. */
    int askWarehouse(String warehouse, String[] skus) throws InterruptedException {
        Thread.sleep(ThreadLocalRandom.current().nextInt(2, 8));
        int total = 0;
        for (String sku : skus) {
            total += stock.getOrDefault(sku, 0) / WAREHOUSES.size();
        }
        return total;
    }

    void visits(HttpExchange ex) throws IOException {
        long value = "POST".equals(ex.getRequestMethod()) ? visits.incrementAndGet() : visits.get();
        reply(ex, 200, "{\"value\":" + value + "}");
    }

    static String json(Set<String> ids) {
        List<String> quoted = new ArrayList<>();
        ids.forEach(id -> quoted.add("\"" + id + "\""));
        return "[" + String.join(",", quoted) + "]";
    }

    static Map<String, String> query(HttpExchange ex) {
        Map<String, String> q = new HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return q;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
                opts.put(args[i].substring(2), hasValue ? args[++i] : "true");
            }
        }
        return opts;
    }

    static void reply(HttpExchange ex, int status, String body) throws IOException {
        ex.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", body.startsWith("{") ? "application/json" : "text/plain");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
