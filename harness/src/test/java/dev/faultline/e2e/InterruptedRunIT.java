package dev.faultline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in the middle of load: the CLI rolls back, stops every child process and still writes its
 * report.
 */
class InterruptedRunIT {

  @TempDir Path dir;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void sigint_mid_load_leaves_no_process_and_an_aborted_report() throws Exception {
    Path experiment = E2eSupport.counterExperiment(dir, "locked", "pass");
    Files.writeString(
        experiment, Files.readString(experiment).replace("duration: 3s", "duration: 60s"));
    Path reports = dir.resolve("reports");
    try (CliProcess cli =
        CliProcess.start(
            E2eSupport.home(), "run", "--reports", reports.toString(), experiment.toString())) {
      await("load running").atMost(Duration.ofSeconds(90)).until(() -> cli.printed("load running"));
      List<ProcessHandle> children = new ArrayList<>(cli.process().descendants().toList());
      assertThat(children)
          .as("target, Gatling fork and the exit guardian")
          .hasSizeGreaterThanOrEqualTo(3);

      cli.signal("INT");

      assertThat(cli.process().waitFor(60, TimeUnit.SECONDS))
          .as("the CLI exits after Ctrl-C")
          .isTrue();
      await("children gone")
          .atMost(Duration.ofSeconds(15))
          .until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
      Path journal;
      try (Stream<Path> s = Files.list(reports)) {
        journal = s.filter(Files::isDirectory).findFirst().orElseThrow().resolve("journal.json");
      }
      JsonNode j = new ObjectMapper().readTree(journal.toFile());
      assertThat(j.path("verdict").asText()).isEqualTo("ABORTED");
      assertThat(j.path("verdictSentence").asText()).contains("interrupted by a signal");
      assertThat(cli.output()).contains("rolling back faults and stopping targets");
    }
  }
}
