package dev.faultline.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.experiment.ExperimentLoader;
import dev.faultline.load.LoadResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunArtifactsTest {

  /**
   * Regression: a reports folder given relative ({@code RunSettings.reportsIn(Path.of(
   * "target/faultline"))}, as a JUnit test gives it) made every run end in "'other' is different
   * type of Path", the fork's report index being absolute.
   */
  @Test
  void the_gatling_report_is_linked_relative_to_a_run_folder_given_relative() {
    Path folder = Path.of("target/faultline/20261201-101500-counter-locked");
    Path index = folder.toAbsolutePath().resolve("gatling/generic-1/index.html");
    LoadResult load = new LoadResult(List.of(), 0, index, Duration.ofSeconds(3));

    var artifacts =
        RunArtifacts.of(
            folder,
            ExperimentLoader.load(
                    Path.of(
                        System.getProperty("faultline.home", ".."),
                        "experiments/counter-locked.yaml"))
                .experiment(),
            load);

    assertThat(artifacts).containsEntry("Gatling report", "gatling/generic-1/index.html");
  }
}
