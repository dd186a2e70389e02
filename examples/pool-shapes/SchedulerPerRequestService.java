import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * LEAKING TWIN of ScheduledService. Sessions: each login starts a scheduler of its own to refresh
 * the session's token every second. Nothing ever shuts it down (not even logout), so every login
 * leaves a scheduler thread behind, waking up forever.
 *
 *   java examples/pool-shapes/SchedulerPerRequestService.java --port 8080
 *   GET /health · POST /sessions
 */
public class SchedulerPerRequestService {
    static final Map<String, Long> TOKENS = new ConcurrentHashMap<>();

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args.length > 1 ? args[1] : "8080");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 100);
        server.createContext("/health", ex -> reply(ex, 200, "ok"));
        server.createContext("/sessions", SchedulerPerRequestService::login);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
        System.out.println("session service on 127.0.0.1:" + port);
    }

    static void login(HttpExchange ex) throws IOException {
        String session = UUID.randomUUID().toString();
        TOKENS.put(session, System.nanoTime());
        ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor();
        refresher.scheduleAtFixedRate(() -> TOKENS.put(session, System.nanoTime()), 1, 1, TimeUnit.SECONDS);
        reply(ex, 201, "{\"session\":\"" + session + "\"}");
    }

    static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
