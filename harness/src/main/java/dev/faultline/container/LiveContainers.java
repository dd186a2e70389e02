package dev.faultline.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import dev.faultline.process.ExitHooks;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every container and network Faultline creates carries {@value #RUN_LABEL}, {@value #OWNER_LABEL}
 * (the PID of the harness JVM) and {@value #HOST_LABEL}. With Testcontainers' Ryuk off, this class
 * is what removes them: sessions close their own; a JVM shutdown hook first gives open sessions a
 * bounded time to tear down in order (faults rolled back, targets stopped), then force-removes
 * whatever this JVM still owns; and each new session sweeps what a harness killed with SIGKILL left
 * behind.
 *
 * <p>Thread-safe.
 */
final class LiveContainers {

  static final String RUN_LABEL = "dev.faultline.run";
  static final String OWNER_LABEL = "dev.faultline.owner-pid";
  static final String HOST_LABEL = "dev.faultline.host";
  static final String OWNER = String.valueOf(ProcessHandle.current().pid());
  static final String HOST = hostName();

  private static final Duration ORDERLY_TEARDOWN_BOUND = Duration.ofSeconds(30);
  private static final Set<ContainerSession> OPEN = ConcurrentHashMap.newKeySet();

  static {
    // Refused only during shutdown, before any container of this JVM exists: the next run sweeps.
    ExitHooks.addQuietly(new Thread(LiveContainers::onShutdown, "faultline-container-reaper"));
  }

  private LiveContainers() {}

  static void opened(ContainerSession session) {
    OPEN.add(session);
  }

  static void closed(ContainerSession session) {
    OPEN.remove(session);
    synchronized (OPEN) {
      OPEN.notifyAll();
    }
  }

  private static void onShutdown() {
    // Another hook (the suite's abort) is usually tearing the run down in order; let it finish.
    long deadline = System.nanoTime() + ORDERLY_TEARDOWN_BOUND.toNanos();
    synchronized (OPEN) {
      while (!OPEN.isEmpty() && System.nanoTime() < deadline) {
        try {
          OPEN.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    if (!OPEN.isEmpty()) {
      removeLabelled(Map.of(OWNER_LABEL, OWNER));
    }
  }

  /**
   * Force-removes every container, then every network, carrying all of {@code labels}; returns what
   * it removed.
   */
  static List<String> removeLabelled(Map<String, String> labels) {
    DockerClient docker = DockerEngine.client();
    List<String> removed = new ArrayList<>();
    for (Container c :
        docker.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec()) {
      removeContainer(docker, c.getId());
      removed.add("container " + c.getId().substring(0, 12));
    }
    for (Network n :
        docker
            .listNetworksCmd()
            .withFilter(
                "label",
                labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
            .exec()) {
      removeNetwork(docker, n.getId());
      removed.add("network " + n.getName());
    }
    return removed;
  }

  /**
   * Removes containers and networks of harness JVMs that are gone (killed with SIGKILL, say);
   * returns what it removed.
   */
  static List<String> sweepOrphans() {
    DockerClient docker = DockerEngine.client();
    List<String> removed = new ArrayList<>();
    for (Container c :
        docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(OWNER_LABEL)).exec()) {
      if (ownerGone(c.getLabels())) {
        removeContainer(docker, c.getId());
        removed.add(
            "container " + c.getId().substring(0, 12) + " of run " + c.getLabels().get(RUN_LABEL));
      }
    }
    for (Network n : docker.listNetworksCmd().withFilter("label", List.of(OWNER_LABEL)).exec()) {
      if (ownerGone(n.getLabels())) {
        removeNetwork(docker, n.getId());
        removed.add("network " + n.getName());
      }
    }
    return removed;
  }

  /** PIDs mean something only on the machine (PID namespace) that labelled the resource. */
  static boolean ownerGone(Map<String, String> labels) {
    if (!HOST.equals(labels.get(HOST_LABEL))) {
      return false;
    }
    try {
      return ProcessHandle.of(Long.parseLong(labels.getOrDefault(OWNER_LABEL, ""))).isEmpty();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  static void removeContainer(DockerClient docker, String id) {
    try {
      docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException gone) {
      // Removed meanwhile (by its session, or Testcontainers' own JVM hook).
    }
  }

  static void removeNetwork(DockerClient docker, String id) {
    try {
      docker.removeNetworkCmd(id).exec();
    } catch (NotFoundException gone) {
      // Removed meanwhile.
    }
  }
}
