import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prices: a cache of exchange rates refreshed every 500 ms, and a quote endpoint that answers from
 * the cache and schedules an audit record 200 ms later (after the quote's hold period). Both run
 * on the one scheduler the service owns.
 *
 *   java examples/pool-shapes/ScheduledService.java --port 8080
 *   GET /health · GET /quote?amount=100 · GET /quote/audited
 */
public class ScheduledService {
    static final ScheduledExecutorService SCHEDULER = Executors.newScheduledThreadPool(4);
    static final Map<String, Double> RATES = new ConcurrentHashMap<>(Map.of("EUR", 1.0, "USD", 1.08));
    static final AtomicLong AUDITED = new AtomicLong();

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args.length > 1 ? args[1] : "8080");
        SCHEDULER.scheduleAtFixedRate(ScheduledService::refreshRates, 0, 500, TimeUnit.MILLISECONDS);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 100);
        server.createContext("/health", ex -> reply(ex, 200, "ok"));
        server.createContext("/quote", ScheduledService::quote);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
        System.out.println("price service on 127.0.0.1:" + port);
    }

    static void quote(HttpExchange ex) throws IOException {
        if (ex.getRequestURI().getPath().endsWith("/audited")) {
            reply(ex, 200, "{\"value\":" + AUDITED.get() + "}");
            return;
        }
        String query = ex.getRequestURI().getQuery();
        double amount = query != null && query.startsWith("amount=") ? Double.parseDouble(query.substring(7)) : 1;
        double usd = amount * RATES.get("USD");
        SCHEDULER.schedule(AUDITED::incrementAndGet, 200, TimeUnit.MILLISECONDS);
        reply(ex, 200, "{\"eur\":" + amount + ",\"usd\":" + usd + "}");
    }

    /** Stands in for fetching rates from the central bank's feed. */
    static void refreshRates() {
        RATES.put("USD", 1.08 + ThreadLocalRandom.current().nextDouble(-0.01, 0.01));
    }

    static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
