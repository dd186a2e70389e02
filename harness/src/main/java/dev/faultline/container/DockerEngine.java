package dev.faultline.container;

import com.github.dockerjava.api.DockerClient;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine answers, and the client Testcontainers talks to it with. Thread-safe. */
public final class DockerEngine {

  private DockerEngine() {}

  /**
   * Why Docker cannot be used here, or empty when an engine answers. The reason says what to do,
   * e.g. start dockerd with {@code harness/src/main/docker/ensure-docker.sh}.
   */
  public static Optional<String> unavailableReason() {
    try {
      if (DockerClientFactory.instance().isDockerAvailable()) {
        return Optional.empty();
      }
      return Optional.of(
          "no Docker engine answers (Testcontainers found no usable DOCKER_HOST or /var/run/docker.sock); "
              + "start one with harness/src/main/docker/ensure-docker.sh");
    } catch (RuntimeException | LinkageError e) {
      return Optional.of(
          "Docker could not be reached: "
              + e
              + "; start an engine with harness/src/main/docker/ensure-docker.sh");
    }
  }

  /** The engine's client; call {@link #unavailableReason()} first for a readable error. */
  static DockerClient client() {
    return DockerClientFactory.instance().client();
  }
}
