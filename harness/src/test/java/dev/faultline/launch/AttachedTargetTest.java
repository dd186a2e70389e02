package dev.faultline.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.faultline.experiment.Launch;
import dev.faultline.experiment.TargetSpec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A service attached by url gets its startup-timeout to answer healthy, as a started one does. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AttachedTargetTest {

  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** A health path that answers {@code early} to its first {@code calls} requests, then 200. */
  private String serve(int early, int calls, AtomicInteger asked) throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/health",
        exchange -> {
          int status = asked.incrementAndGet() <= calls ? early : 200;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static TargetSpec url(String url, Duration startupTimeout) {
    return new TargetSpec(
        null,
        null,
        List.of(),
        null,
        url,
        Launch.PROCESS,
        null,
        "/health",
        startupTimeout,
        Map.of(),
        Map.of(),
        List.of(),
        List.of());
  }

  @Test
  void a_service_still_warming_up_is_attached_once_it_answers_healthy() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    String base = serve(503, 3, asked);

    try (AttachedTarget target =
        AttachedTarget.attach("orders", url(base + "/", Duration.ofSeconds(20)))) {
      assertThat(target.baseUrl().toString()).isEqualTo(base);
      assertThat(asked).hasValue(4);
    }
  }

  @Test
  void a_health_path_that_does_not_exist_fails_at_once_not_after_the_timeout() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    String base = serve(404, Integer.MAX_VALUE, asked);

    assertThatThrownBy(() -> AttachedTarget.attach("orders", url(base, Duration.ofSeconds(60))))
        .isInstanceOf(TargetStartException.class)
        .hasMessageContaining("404");
    assertThat(asked).hasValue(1);
  }

  @Test
  void a_service_that_never_answers_healthy_fails_after_its_startup_timeout_with_the_fix()
      throws Exception {
    AtomicInteger asked = new AtomicInteger();
    String base = serve(503, Integer.MAX_VALUE, asked);

    assertThatThrownBy(() -> AttachedTarget.attach("orders", url(base, Duration.ofSeconds(1))))
        .isInstanceOf(TargetStartException.class)
        .hasMessageContaining(
            "nothing healthy answers at "
                + base
                + "/health (it answered 503) within its startup-timeout of 1s; start the service,"
                + " correct url/health, or give it a longer startup-timeout");
    assertThat(asked.get()).isGreaterThan(1);
  }
}
