package dev.faultline.e2e.container;

import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.faultline.container.DockerEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

/**
 * The one place container tests decide whether they can run: without a Docker engine or Faultline's
 * images they are skipped with the reason — except in CI ({@code CI=true}), where they fail with
 * it. Also lists what a run left in Docker, by the labels Faultline puts on everything.
 */
final class DockerForTests {

  static final String RUN_LABEL = "dev.faultline.run";
  static final String OWNER_LABEL = "dev.faultline.owner-pid";

  private static volatile Optional<String> unusable;

  private DockerForTests() {}

  /**
   * Skips (or, with CI=true, fails) the calling test when container mode cannot run here. Called
   * per test, not per class, so that each skipped test is counted in Surefire's summary.
   */
  static void requireDockerAndImages() {
    Optional<String> why = unusable;
    if (why == null) {
      why = DockerEngine.unavailableReason().or(DockerForTests::missingImage);
      unusable = why;
    }
    if (why.isEmpty()) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(
          "Docker is not available: "
              + why.get()
              + "; container tests must run in CI (CI=true), so this is a failure, not a skip");
    }
    String message = "Docker is not available: " + why.get() + "; container tests skipped";
    System.err.println("[container tests] " + message);
    Assumptions.abort(message);
  }

  /** Whether {@link #requireDockerAndImages()} found Docker usable (false before it ran). */
  static boolean usable() {
    Optional<String> why = unusable;
    return why != null && why.isEmpty();
  }

  private static Optional<String> missingImage() {
    for (String image : List.of("faultline/targets:latest", "faultline/toxiproxy:latest")) {
      try {
        docker().inspectImageCmd(image).exec();
      } catch (NotFoundException e) {
        return Optional.of("the image " + image + " is missing (build it: ./faultline images)");
      }
    }
    return Optional.empty();
  }

  static DockerClient docker() {
    return DockerClientFactory.instance().client();
  }

  /**
   * Containers and networks of run {@code runId} still in Docker, e.g. {@code ["container
   * 0123456789ab counter"]}.
   */
  static List<String> leftoversOfRun(String runId) {
    List<String> left = new ArrayList<>();
    docker()
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of(RUN_LABEL, runId))
        .exec()
        .forEach(
            c ->
                left.add(
                    "container "
                        + c.getId().substring(0, 12)
                        + " "
                        + String.join(",", c.getNames())
                        + " ("
                        + c.getState()
                        + ")"));
    docker().listNetworksCmd().exec().stream()
        .filter(
            n ->
                n.getName().equals("faultline-" + runId)
                    || runId.equals(n.getLabels().get(RUN_LABEL)))
        .forEach(n -> left.add("network " + n.getName()));
    return left;
  }

  /** Containers and networks this JVM's runs still own. */
  static List<String> leftoversOfThisJvm() {
    String owner = String.valueOf(ProcessHandle.current().pid());
    List<String> left = new ArrayList<>();
    docker()
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of(OWNER_LABEL, owner))
        .exec()
        .forEach(
            c ->
                left.add(
                    "container "
                        + c.getId().substring(0, 12)
                        + " "
                        + c.getLabels().get(RUN_LABEL)));
    docker()
        .listNetworksCmd()
        .withFilter("label", List.of(OWNER_LABEL + "=" + owner))
        .exec()
        .forEach(n -> left.add("network " + n.getName()));
    return left;
  }
}
