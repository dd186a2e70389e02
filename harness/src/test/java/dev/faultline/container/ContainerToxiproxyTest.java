package dev.faultline.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.InfrastructureException;
import java.net.URI;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.testcontainers.toxiproxy.ToxiproxyContainer;
import org.testcontainers.utility.DockerImageName;

/** The proxy ports of the Toxiproxy container and the addresses inside the run's network. */
class ContainerToxiproxyTest {

  private final ContainerToxiproxy toxiproxy =
      new ContainerToxiproxy(
          new ToxiproxyContainer(DockerImageName.parse("ghcr.io/shopify/toxiproxy:2.12.0")));

  @Test
  void proxies_listen_on_the_32_exposed_ports_in_turn_and_the_33rd_is_refused_with_what_to_do() {
    assertThat(IntStream.range(0, 32).mapToObj(i -> toxiproxy.nextListen("p" + i)).toList())
        .startsWith("0.0.0.0:8666", "0.0.0.0:8667")
        .endsWith("0.0.0.0:8697")
        .doesNotHaveDuplicates();
    assertThatThrownBy(() -> toxiproxy.nextListen("orders-front"))
        .isInstanceOf(InfrastructureException.class)
        .hasMessage(
            "proxy orders-front: the Toxiproxy container exposes 32 proxy ports (8666..8697) and"
                + " all are taken; use fewer proxies or calls in one experiment");
  }

  @Test
  void other_containers_reach_a_proxy_by_the_toxiproxy_alias_and_its_port_inside() {
    String listen = toxiproxy.nextListen("front");

    assertThat(toxiproxy.fromNetwork(listen))
        .isEqualTo(URI.create("http://faultline-toxiproxy:8666"));
  }
}
