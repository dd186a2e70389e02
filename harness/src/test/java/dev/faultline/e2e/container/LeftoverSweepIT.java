package dev.faultline.e2e.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.faultline.container.ContainerSession;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a harness killed with SIGKILL leaves behind is removed by the next run's session, and only
 * that.
 */
class LeftoverSweepIT {

  @BeforeEach
  void dockerAndImagesAreHere() {
    DockerForTests.requireDockerAndImages();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void openingASessionRemovesContainersAndNetworksOfDeadHarnessesOnThisHostButNotOthers()
      throws Exception {
    DockerClient docker = DockerForTests.docker();
    String host = InetAddress.getLocalHost().getHostName();
    Map<String, String> deadHere =
        Map.of(
            DockerForTests.RUN_LABEL,
            "leftover-dead",
            DockerForTests.OWNER_LABEL,
            String.valueOf(deadPid()),
            "dev.faultline.host",
            host);
    Map<String, String> elsewhere =
        Map.of(
            DockerForTests.RUN_LABEL,
            "leftover-elsewhere",
            DockerForTests.OWNER_LABEL,
            String.valueOf(deadPid()),
            "dev.faultline.host",
            "another-machine");
    String dead =
        docker
            .createContainerCmd("faultline/jre:17")
            .withCmd("sleep", "600")
            .withLabels(deadHere)
            .exec()
            .getId();
    String other =
        docker
            .createContainerCmd("faultline/jre:17")
            .withCmd("sleep", "600")
            .withLabels(elsewhere)
            .exec()
            .getId();
    docker.createNetworkCmd().withName("faultline-leftover-dead").withLabels(deadHere).exec();
    try {
      try (ContainerSession session =
          ContainerSession.open("sweep-test-" + ProcessHandle.current().pid())) {
        assertThat(session.swept())
            .as("removed when the session opened")
            .anySatisfy(s -> assertThat(s).startsWith("container " + dead.substring(0, 12)))
            .contains("network faultline-leftover-dead");
      }
      assertThat(DockerForTests.leftoversOfRun("leftover-dead")).isEmpty();
      assertThat(DockerForTests.leftoversOfRun("leftover-elsewhere"))
          .as("a PID from another host says nothing here")
          .hasSize(1);
    } finally {
      docker.removeContainerCmd(other).withForce(true).exec();
      for (String id : List.of(dead)) {
        try {
          docker.removeContainerCmd(id).withForce(true).exec();
        } catch (com.github.dockerjava.api.exception.NotFoundException expected) {
          // swept
        }
      }
    }
  }

  /** A PID no process has now: one of an exited child. */
  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor(10, TimeUnit.SECONDS);
    return p.pid();
  }
}
