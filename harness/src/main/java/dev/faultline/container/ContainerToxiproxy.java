package dev.faultline.container;

import dev.faultline.InfrastructureException;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.toxiproxy.ToxiproxyContainer;

/**
 * The run's Toxiproxy as a container (Testcontainers' Toxiproxy module), driven with the official
 * client at its API port mapped on 127.0.0.1. Proxies listen inside the container on the ports the
 * module exposes, 8666..8697; load reaches them through their mapped host ports, other containers
 * through {@value #ALIAS}:port on the run's network. Thread-safe.
 */
public final class ContainerToxiproxy {

  /** The Toxiproxy container's name on the run's network. */
  public static final String ALIAS = "faultline-toxiproxy";

  private static final int FIRST_PROXY_PORT = 8666;
  private static final int LAST_PROXY_PORT = 8697;

  private final ToxiproxyContainer container;
  private final AtomicInteger nextPort = new AtomicInteger(FIRST_PROXY_PORT);

  ContainerToxiproxy(ToxiproxyContainer container) {
    this.container = container;
  }

  /** The official client, at the API's mapped port. */
  public ToxiproxyClient client() {
    return new ToxiproxyClient("127.0.0.1", container.getControlPort());
  }

  /** The API's URL on the host. */
  public URI apiUrl() {
    return URI.create("http://127.0.0.1:" + container.getControlPort());
  }

  /** The image the container runs. */
  public String image() {
    return container.getDockerImageName();
  }

  /** The next free listen address inside the container for proxy {@code proxy}. */
  public String nextListen(String proxy) {
    int port = nextPort.getAndIncrement();
    if (port > LAST_PROXY_PORT) {
      throw new InfrastructureException(
          "proxy "
              + proxy
              + ": the Toxiproxy container exposes "
              + (LAST_PROXY_PORT - FIRST_PROXY_PORT + 1)
              + " proxy ports ("
              + FIRST_PROXY_PORT
              + ".."
              + LAST_PROXY_PORT
              + ") and all are taken; use fewer proxies or calls in one experiment");
    }
    return "0.0.0.0:" + port;
  }

  /**
   * Where the host (load, checks) reaches a proxy listening on {@code listen} inside the container.
   */
  public URI fromHost(String listen) {
    return URI.create("http://127.0.0.1:" + container.getMappedPort(portOf(listen)));
  }

  /** Where other containers of the run reach a proxy listening on {@code listen}. */
  public URI fromNetwork(String listen) {
    return URI.create("http://" + ALIAS + ":" + portOf(listen));
  }

  private static int portOf(String listen) {
    return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
  }
}
