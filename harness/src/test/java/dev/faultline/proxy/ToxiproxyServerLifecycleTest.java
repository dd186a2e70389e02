package dev.faultline.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.rekawek.toxiproxy.Proxy;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Starting, restarting and closing: connections dropped, threads released. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ToxiproxyServerLifecycleTest {

  private static long proxyThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.isAlive() && thread.getName().startsWith("faultline-proxy-"))
        .count();
  }

  @Test
  void closeDropsConnectionsAndReleasesEveryThread() throws IOException {
    Socket client;
    try (ProxyFixture fixture = new ProxyFixture()) {
      Proxy proxy = fixture.echoProxy("short-lived");
      client = ProxyFixture.connect(proxy);
      ProxyFixture.roundTrip(client, new byte[] {1});
      assertThat(fixture.server.url()).isEqualTo("http://127.0.0.1:" + fixture.server.port());
    }

    try (client) {
      assertThat(client.getInputStream().read()).isEqualTo(-1);
    }
    await("threads named faultline-proxy-* to end")
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> proxyThreads() == 0);
  }

  @Test
  void changingTheListenAddressRestartsTheProxyAndDropsItsConnections() throws IOException {
    try (ProxyFixture fixture = new ProxyFixture();
        Socket client = ProxyFixture.connect(fixture.echoProxy("moving"))) {
      ProxyFixture.roundTrip(client, new byte[] {1});

      fixture.client.getProxy("moving").setListen("127.0.0.1:0");

      assertThat(client.getInputStream().read()).isEqualTo(-1);
      try (Socket again = ProxyFixture.connect(fixture.client.getProxy("moving"))) {
        assertThat(ProxyFixture.roundTrip(again, new byte[] {2})).containsExactly(2);
      }
    }
  }

  @Test
  void theServerCanRunOnAFixedPortAgainAfterClose() throws IOException {
    int port;
    try (ToxiproxyServer first = ToxiproxyServer.start("127.0.0.1", 0)) {
      port = first.port();
    }
    try (ToxiproxyServer second = ToxiproxyServer.start("127.0.0.1", port)) {
      assertThat(second.port()).isEqualTo(port);
    }
  }
}
