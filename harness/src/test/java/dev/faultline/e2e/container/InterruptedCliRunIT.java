package dev.faultline.e2e.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.e2e.CliProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on {@code faultline run --launch container}: the JVM's exit path still removes every
 * container and network of the run.
 */
class InterruptedCliRunIT {

  private static final Path HOME =
      Path.of(System.getProperty("faultline.home", "..")).toAbsolutePath().normalize();

  @TempDir Path reports;

  @BeforeEach
  void dockerAndImagesAreHere() {
    DockerForTests.requireDockerAndImages();
  }

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void sigintToTheCliDuringAContainerRunLeavesNoContainerOrNetwork() throws Exception {
    Path experiment = ContainerModeIT.experiment("counter-long.yaml");
    try (CliProcess cli =
        CliProcess.start(
            HOME,
            "run",
            "--launch",
            "container",
            "--reports",
            reports.toString(),
            experiment.toString())) {
      await("the CLI's run has its fault on")
          .atMost(Duration.ofSeconds(150))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> !cli.process().isAlive() || cli.printed("fault slow-network on"));
      assertThat(cli.process().isAlive())
          .as("the CLI is still running; its output:\n" + cli.output())
          .isTrue();

      cli.signal("INT");

      assertThat(cli.process().waitFor(90, TimeUnit.SECONDS))
          .as("the CLI exits after SIGINT")
          .isTrue();
      String output = cli.output();
      System.out.println(output);
      assertThat(cli.process().exitValue())
          .as("the JVM exits by the signal: 128 + SIGINT")
          .isEqualTo(130);
      assertThat(output)
          .contains("interrupted")
          .contains("fault slow-network off")
          .contains("Aborted: interrupted by a signal");
      String runId = onlyRunFolder();
      assertThat(DockerForTests.leftoversOfRun(runId))
          .as("left in Docker by run " + runId)
          .isEmpty();
    }
  }

  private String onlyRunFolder() throws IOException {
    try (Stream<Path> folders = Files.list(reports)) {
      List<String> runs =
          folders
              .filter(Files::isDirectory)
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith("-counter-long"))
              .toList();
      assertThat(runs).as("run folders").hasSize(1);
      return runs.get(0);
    }
  }
}
