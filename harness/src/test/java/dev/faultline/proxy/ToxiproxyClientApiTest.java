package dev.faultline.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Bandwidth;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import eu.rekawek.toxiproxy.model.toxic.LimitData;
import eu.rekawek.toxiproxy.model.toxic.ResetPeer;
import eu.rekawek.toxiproxy.model.toxic.Slicer;
import eu.rekawek.toxiproxy.model.toxic.SlowClose;
import eu.rekawek.toxiproxy.model.toxic.Timeout;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The official Toxiproxy Java client drives every endpoint and toxic of the embedded server. */
@org.junit.jupiter.api.Timeout(value = 20, unit = TimeUnit.SECONDS)
class ToxiproxyClientApiTest {
  private ProxyFixture fixture;

  @BeforeEach
  void start() throws IOException {
    fixture = new ProxyFixture();
  }

  @AfterEach
  void stop() throws IOException {
    fixture.close();
  }

  @Test
  void createdProxyReportsTheRealListenPortAndForwardsBytes() throws IOException {
    Proxy proxy = fixture.echoProxy("echo");

    assertThat(proxy.getName()).isEqualTo("echo");
    assertThat(proxy.getUpstream()).isEqualTo(fixture.echo.address());
    assertThat(proxy.isEnabled()).isTrue();
    assertThat(proxy.getListen()).startsWith("127.0.0.1:").isNotEqualTo("127.0.0.1:0");
    try (Socket socket = ProxyFixture.connect(proxy)) {
      assertThat(ProxyFixture.roundTrip(socket, "ping".getBytes(StandardCharsets.UTF_8)))
          .asString(StandardCharsets.UTF_8)
          .isEqualTo("ping");
    }
  }

  @Test
  void proxiesCanBeListedFetchedAndDeleted() throws IOException {
    fixture.echoProxy("a");
    fixture.echoProxy("b");

    assertThat(fixture.client.getProxies()).extracting(Proxy::getName).containsExactly("a", "b");
    assertThat(fixture.client.getProxy("b").getUpstream()).isEqualTo(fixture.echo.address());

    fixture.client.getProxy("a").delete();

    assertThat(fixture.client.getProxyOrNull("a")).isNull();
    assertThat(fixture.client.getProxies()).extracting(Proxy::getName).containsExactly("b");
  }

  @Test
  void creatingAProxyTwiceIsAConflict() throws IOException {
    fixture.echoProxy("twice");

    assertThatThrownBy(() -> fixture.echoProxy("twice"))
        .isInstanceOf(IOException.class)
        .hasMessage("[409] proxy already exists");
  }

  @Test
  void disableAndEnableSwitchTheListener() throws IOException {
    Proxy proxy = fixture.echoProxy("switch");

    proxy.disable();
    assertThat(fixture.client.getProxy("switch").isEnabled()).isFalse();
    assertThatThrownBy(() -> ProxyFixture.connect(proxy)).isInstanceOf(IOException.class);

    proxy.enable();
    assertThat(fixture.client.getProxy("switch").isEnabled()).isTrue();
    try (Socket socket = ProxyFixture.connect(proxy)) {
      assertThat(ProxyFixture.roundTrip(socket, new byte[] {1, 2, 3})).containsExactly(1, 2, 3);
    }
  }

  @Test
  void upstreamCanBeChanged() throws IOException {
    Proxy proxy = fixture.echoProxy("moving");
    try (EchoServer other = new EchoServer()) {
      proxy.setUpstream(other.address());

      assertThat(fixture.client.getProxy("moving").getUpstream()).isEqualTo(other.address());
      try (Socket socket = ProxyFixture.connect(fixture.client.getProxy("moving"))) {
        assertThat(ProxyFixture.roundTrip(socket, new byte[] {9})).containsExactly(9);
      }
    }
  }

  @ParameterizedTest(name = "every toxic type can be added, read, updated and removed {0}")
  @EnumSource(ToxicDirection.class)
  void everyToxicTypeRoundTripsThroughTheClient(ToxicDirection stream) throws IOException {
    Proxy proxy = fixture.echoProxy("toxic");
    String s = stream.name().toLowerCase();

    Latency latency = proxy.toxics().latency("latency_" + s, stream, 100).setJitter(15);
    Bandwidth bandwidth = proxy.toxics().bandwidth("bandwidth_" + s, stream, 500).setRate(600);
    SlowClose slowClose = proxy.toxics().slowClose("slow_close_" + s, stream, 20).setDelay(30);
    Timeout timeout = proxy.toxics().timeout("timeout_" + s, stream, 0).setTimeout(1_000);
    Slicer slicer = proxy.toxics().slicer("slicer_" + s, stream, 64, 10).setSizeVariation(8);
    LimitData limit = proxy.toxics().limitData("limit_data_" + s, stream, 1_000).setBytes(2_000);
    ResetPeer reset = proxy.toxics().resetPeer("reset_peer_" + s, stream, 0).setTimeout(500);

    assertThat(latency.getLatency()).isEqualTo(100);
    assertThat(latency.getJitter()).isEqualTo(15);
    assertThat(bandwidth.getRate()).isEqualTo(600);
    assertThat(slowClose.getDelay()).isEqualTo(30);
    assertThat(timeout.getTimeout()).isEqualTo(1_000);
    assertThat(slicer.getAverageSize()).isEqualTo(64);
    assertThat(slicer.getSizeVariation()).isEqualTo(8);
    assertThat(slicer.getDelay()).isEqualTo(10);
    assertThat(limit.getBytes()).isEqualTo(2_000);
    assertThat(reset.getTimeout()).isEqualTo(500);

    assertThat(proxy.toxics().getAll())
        .extracting(Toxic::getName)
        .containsExactly(
            "latency_" + s,
            "bandwidth_" + s,
            "slow_close_" + s,
            "timeout_" + s,
            "slicer_" + s,
            "limit_data_" + s,
            "reset_peer_" + s);
    assertThat(proxy.toxics().getAll())
        .allSatisfy(toxic -> assertThat(toxic.getStream()).isEqualTo(stream));
    Latency fetched = proxy.toxics().get("latency_" + s, Latency.class);
    assertThat(fetched.getJitter()).isEqualTo(15);
    assertThat(fetched.getToxicity()).isEqualTo(1.0f);

    fetched.setToxicity(0.25f);
    assertThat(proxy.toxics().get("latency_" + s).getToxicity()).isEqualTo(0.25f);

    for (Toxic toxic : proxy.toxics().getAll()) {
      toxic.remove();
    }
    assertThat(proxy.toxics().getAll()).isEmpty();
  }

  @Test
  void addingAToxicTwiceIsAConflictAndUnknownToxicIsNotFound() throws IOException {
    Proxy proxy = fixture.echoProxy("dup");
    proxy.toxics().latency("lag", ToxicDirection.DOWNSTREAM, 10);

    assertThatThrownBy(() -> proxy.toxics().latency("lag", ToxicDirection.UPSTREAM, 10))
        .hasMessage("[409] toxic already exists");
    assertThatThrownBy(() -> proxy.toxics().get("nope")).hasMessage("[404] toxic not found");
  }

  @Test
  void resetReenablesProxiesAndRemovesToxics() throws IOException {
    Proxy proxy = fixture.echoProxy("reset");
    proxy.toxics().latency("lag", ToxicDirection.DOWNSTREAM, 10);
    proxy.toxics().timeout("stop", ToxicDirection.UPSTREAM, 0);
    proxy.disable();

    fixture.client.reset();

    Proxy after = fixture.client.getProxy("reset");
    assertThat(after.isEnabled()).isTrue();
    assertThat(after.toxics().getAll()).isEmpty();
    try (Socket socket = ProxyFixture.connect(after)) {
      assertThat(ProxyFixture.roundTrip(socket, new byte[] {7})).containsExactly(7);
    }
  }

  @Test
  void versionNamesTheToxiproxyApiVersion() throws IOException {
    assertThat(fixture.client.version()).contains("\"version\"").contains("2.");
  }
}
