package dev.faultline.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.faultline.experiment.InvalidExperimentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultlineLoadTest {

  @TempDir Path dir;

  @Test
  void a_catalog_file_loads_with_its_name_file_and_seed() {
    Path file =
        Path.of(System.getProperty("faultline.home", ".."), "experiments/counter-locked.yaml");

    ExperimentFile loaded = Faultline.load(file);

    assertThat(loaded.name()).isEqualTo("counter-locked");
    assertThat(loaded.file()).isEqualTo(file);
    assertThat(loaded.seed()).isEqualTo(42);
  }

  @Test
  void an_invalid_file_throws_the_loaders_error_with_file_line_and_column() throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(
        file,
        """
        name: counter-locked
        targets:
          counter: {builtin: counter, variant: locked}
        load:
          - name: increments
            target: counter
            request: POST /counter/increment
            users: 16
            duration: 8s
        checks:
          - counter-consistency: {target: counter, load: increments, ops: GET /counter/ops}
        sed: 7
        """);

    InvalidExperimentException e =
        catchThrowableOfType(InvalidExperimentException.class, () -> Faultline.load(file));

    assertThat(e.getMessage())
        .isEqualTo(
            "1 error in experiment files:\n"
                + file
                + ":12:1: sed: unknown field \"sed\"\n"
                + "    fix: did you mean \"seed\"?");
  }
}
