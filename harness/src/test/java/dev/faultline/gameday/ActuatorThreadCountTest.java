package dev.faultline.gameday;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The live view's thread count for targets without a local process, over a real socket. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ActuatorThreadCountTest {
  private HttpServer server;

  private URI serve(int status, String body) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/actuator/metrics/jvm.threads.live",
        exchange -> {
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void reads_the_live_threads_spring_boot_reports() throws IOException {
    URI target =
        serve(
            200,
            """
                {"availableTags":[],"baseUnit":"threads","measurements":[{"statistic":"VALUE","value":22.0}],"name":"jvm.threads.live"}""");
    assertThat(ActuatorThreadCount.count(target)).isEqualTo(22);
  }

  @Test
  void a_target_without_the_metric_gives_no_point_rather_than_a_wrong_one() throws IOException {
    URI target = serve(404, "{\"error\":\"Not Found\"}");
    assertThat(ActuatorThreadCount.count(target)).isEqualTo(-1);
  }

  @Test
  void a_target_that_is_gone_gives_no_point() throws IOException {
    URI target = serve(200, "{}");
    server.stop(0);
    server = null;
    assertThat(ActuatorThreadCount.count(target)).isEqualTo(-1);
  }
}
