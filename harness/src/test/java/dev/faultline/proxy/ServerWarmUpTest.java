package dev.faultline.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The warm-up a fresh server runs in the background: bounded, invisible, and leaves nothing. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ServerWarmUpTest {

  private static long warmUpThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("faultline-proxy-warm-up"))
        .count();
  }

  @Test
  void the_warm_up_ends_within_its_budget_and_leaves_no_proxy_or_thread_behind()
      throws IOException {
    try (ProxyFixture fixture = new ProxyFixture()) {
      assertThat(fixture.send("GET", "/proxies", null).body())
          .as("while it runs, the throwaway proxy is not in the registry")
          .isEqualTo("{}");

      assertThat(fixture.server.awaitWarmUp(Duration.ofSeconds(10)))
          .as("the warm-up finished")
          .hasValueSatisfying(took -> assertThat(took).isLessThan(Duration.ofSeconds(4)));

      assertThat(fixture.send("GET", "/proxies", null).body()).isEqualTo("{}");
      assertThat(fixture.send("GET", "/metrics", null).body()).doesNotContain("warm-up");
      await("the warm-up's threads to end")
          .atMost(Duration.ofSeconds(5))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> warmUpThreads() == 0);
    }
  }

  @Test
  void a_client_may_use_the_api_and_even_the_warm_up_s_name_while_it_runs() throws IOException {
    try (ProxyFixture fixture = new ProxyFixture();
        Socket client = ProxyFixture.connect(fixture.echoProxy("faultline-warm-up"))) {
      assertThat(ProxyFixture.roundTrip(client, new byte[] {7})).containsExactly(7);

      assertThat(fixture.server.awaitWarmUp(Duration.ofSeconds(10))).isPresent();
      assertThat(fixture.client.getProxies())
          .extracting(proxy -> proxy.getName())
          .containsExactly("faultline-warm-up");
      assertThat(ProxyFixture.roundTrip(client, new byte[] {8}))
          .as("the client's connection outlives the warm-up's proxy")
          .containsExactly(8);
    }
  }

  @Test
  void a_server_closed_during_its_warm_up_stops_it_at_once() {
    long started = System.nanoTime();
    ToxiproxyServer.start("127.0.0.1", 0).close();

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("close waits for the warm-up's current step (at most 2 s), not its 3 s budget")
        .isLessThan(Duration.ofMillis(2_900));
    await("the warm-up's threads to end")
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> warmUpThreads() == 0);
  }

  @Test
  void the_warm_up_is_off_when_the_system_property_says_so() {
    String before = System.getProperty("faultline.proxy.warm-up");
    System.setProperty("faultline.proxy.warm-up", "false");
    try (ToxiproxyServer server = ToxiproxyServer.start("127.0.0.1", 0)) {
      assertThat(server.awaitWarmUp(Duration.ofMillis(10))).isEmpty();
    } finally {
      if (before == null) {
        System.clearProperty("faultline.proxy.warm-up");
      } else {
        System.setProperty("faultline.proxy.warm-up", before);
      }
    }
  }
}
