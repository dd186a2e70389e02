package dev.faultline.container;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import dev.faultline.InfrastructureException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.toxiproxy.ToxiproxyContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Docker side of one run: a network named {@code faultline-<run>}, and every container started
 * on it, all labelled with the run and the harness's PID. Ports are published on 127.0.0.1 only.
 * {@link #close()} stops and removes all of it; if the JVM exits first, a shutdown hook does.
 *
 * <p>Thread-safe; {@link #close()} is idempotent.
 */
public final class ContainerSession implements AutoCloseable {

  private static final String LOOPBACK = "127.0.0.1";

  private final String runId;
  private final Map<String, String> labels;
  private final Network network;
  private final List<String> swept;
  private final List<GenericContainer<?>> containers = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  private ContainerSession(String runId, List<String> swept) {
    this.runId = runId;
    this.swept = List.copyOf(swept);
    Map<String, String> l = new LinkedHashMap<>();
    l.put(LiveContainers.RUN_LABEL, runId);
    l.put(LiveContainers.OWNER_LABEL, LiveContainers.OWNER);
    l.put(LiveContainers.HOST_LABEL, LiveContainers.HOST);
    this.labels = Map.copyOf(l);
    this.network =
        Network.builder()
            .createNetworkCmdModifier(cmd -> cmd.withName(networkName()).withLabels(labels))
            .build();
  }

  /**
   * Opens the session of run {@code runId} (letters, digits, {@code .-_}); first removes what
   * harnesses that died without cleaning up left behind. Fails, saying why and what to do, when no
   * Docker engine answers.
   */
  public static ContainerSession open(String runId) {
    if (!runId.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
      throw new IllegalArgumentException(
          "runId must be letters, digits, '.', '-' or '_', got \"" + runId + "\"");
    }
    DockerEngine.unavailableReason()
        .ifPresent(
            why -> {
              throw new InfrastructureException("launch: container needs Docker, but " + why);
            });
    ContainerSession session = new ContainerSession(runId, LiveContainers.sweepOrphans());
    LiveContainers.opened(session);
    return session;
  }

  /** The Docker network every container of the run joins. */
  public String networkName() {
    return "faultline-" + runId;
  }

  /** Leftovers of dead harnesses removed when the session opened, for the journal. */
  public List<String> swept() {
    return swept;
  }

  /** The labels of every container and network of this run. */
  public Map<String, String> labels() {
    return labels;
  }

  /**
   * Starts {@code container} on the run's network under {@code alias}, labelled, with each exposed
   * port published on 127.0.0.1: on the host port given in {@code hostPorts} (stable across a
   * restart), else on a random one. On failure the container is removed and the error rethrown.
   */
  public <C extends GenericContainer<?>> C start(
      C container, String alias, Map<Integer, Integer> hostPorts) {
    if (closed.get()) {
      throw new IllegalStateException("the container session of run " + runId + " is closed");
    }
    container
        .withNetwork(network)
        .withNetworkAliases(alias)
        .withLabels(labels)
        .withCreateContainerCmdModifier(
            cmd -> {
              List<PortBinding> bindings = new ArrayList<>();
              for (Integer port : container.getExposedPorts()) {
                Integer hostPort = hostPorts.get(port);
                bindings.add(
                    new PortBinding(
                        hostPort == null
                            ? Ports.Binding.bindIp(LOOPBACK)
                            : Ports.Binding.bindIpAndPort(LOOPBACK, hostPort),
                        ExposedPort.tcp(port)));
              }
              // Publish exactly these, on loopback; never every EXPOSEd port on all interfaces.
              cmd.getHostConfig().withPublishAllPorts(false).withPortBindings(bindings);
              cmd.withLabels(new WithoutSessionLabel(cmd.getLabels()));
            });
    containers.add(container);
    try {
      container.start();
    } catch (RuntimeException e) {
      stopQuietly(container);
      containers.remove(container);
      throw e;
    }
    return container;
  }

  /** Starts the run's Toxiproxy (image from {@link FaultlineImages#toxiproxy()}) on the network. */
  public ContainerToxiproxy startToxiproxy() {
    DockerImageName image = FaultlineImages.toxiproxy();
    FaultlineImages.requirePresent(image, "the run's Toxiproxy");
    ToxiproxyContainer toxiproxy = new ToxiproxyContainer(image);
    try {
      start(toxiproxy, ContainerToxiproxy.ALIAS, Map.of());
    } catch (RuntimeException e) {
      throw new InfrastructureException(
          "the Toxiproxy container ("
              + image.asCanonicalNameString()
              + ") did not start: "
              + e.getMessage(),
          e);
    }
    return new ContainerToxiproxy(toxiproxy);
  }

  /**
   * Stops and removes every container of the run, then its network. Bounded by Docker's own stop
   * timeouts.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      List<CompletableFuture<Void>> stops = new ArrayList<>();
      containers.forEach(c -> stops.add(CompletableFuture.runAsync(() -> stopQuietly(c))));
      stops.forEach(CompletableFuture::join);
      containers.clear();
      try {
        network.close();
      } catch (RuntimeException ignored) {
        // Removed below by label if it is still there.
      }
      LiveContainers.removeLabelled(
          Map.of(
              LiveContainers.RUN_LABEL, runId, LiveContainers.OWNER_LABEL, LiveContainers.OWNER));
    } finally {
      LiveContainers.closed(this);
    }
  }

  private static void stopQuietly(GenericContainer<?> c) {
    try {
      c.stop();
    } catch (RuntimeException ignored) {
      // Removed by label in close(), or by the shutdown hook.
    }
  }

  /**
   * With Ryuk off, Testcontainers' own shutdown hook removes every container carrying its session
   * label at once — concurrently with the run's orderly abort, so the Toxiproxy container vanished
   * before its toxics were rolled back and an interrupted run reported a rollback error. Faultline
   * removes its containers itself (this session, then {@link LiveContainers}' hook), so they do not
   * take that one label; Testcontainers adds it with {@code putAll} after our modifier runs.
   */
  private static final class WithoutSessionLabel extends LinkedHashMap<String, String> {
    private static final long serialVersionUID = 1L;
    private static final String SESSION_LABEL = "org.testcontainers.sessionId";

    WithoutSessionLabel(Map<String, String> labels) {
      if (labels != null) {
        putAll(labels);
      }
    }

    @Override
    public String put(String key, String value) {
      return SESSION_LABEL.equals(key) ? null : super.put(key, value);
    }

    @Override
    public void putAll(Map<? extends String, ? extends String> m) {
      m.forEach(this::put);
    }
  }

  @Override
  public String toString() {
    return "container session " + networkName();
  }
}
