package dev.faultline.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadConnectionTest {

  @TempDir Path dir;

  private static final String STEP =
      """
            name: counter-atomic
            targets:
              counter: {builtin: counter, variant: atomic}
            checks:
              - counter-consistency: {target: counter, load: counter}
            load:
              - target: counter
                request: POST /counter/increment?op=${op}
                workload: closed
                users: 16
                duration: 8s
            """;

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("x.yaml"), yaml);
  }

  private LoadSpec stepOf(String yaml) throws IOException {
    return ExperimentLoader.load(write(yaml)).experiment().load().get(0);
  }

  private List<ExperimentError> errorsOf(String yaml) throws IOException {
    Path file = write(yaml);
    return catchThrowableOfType(InvalidExperimentException.class, () -> ExperimentLoader.load(file))
        .errors();
  }

  @Test
  void aStepWithoutConnectionClosesEachConnection() throws IOException {
    assertThat(stepOf(STEP).connection()).isEqualTo(Connection.CLOSE);
  }

  @Test
  void keepAliveIsWrittenWithADash() throws IOException {
    assertThat(stepOf(STEP + "    connection: keep-alive\n").connection())
        .isEqualTo(Connection.KEEP_ALIVE);
    assertThat(stepOf(STEP + "    connection: close\n").connection()).isEqualTo(Connection.CLOSE);
  }

  @Test
  void aMisspelledConnectionNamesTheLineAndTheClosestValue() throws IOException {
    assertThat(errorsOf(STEP + "    connection: keepalive\n"))
        .extracting(ExperimentError::toString)
        .containsExactly(
            dir.resolve("x.yaml")
                + ":12:17: load[0].connection: \"keepalive\" is not one of keep-alive, close"
                + " (did you mean keep-alive?)\n    fix: write keep-alive (or: one of keep-alive, close)");
  }

  @Test
  void aConnectionHeaderIsRejectedInFavourOfTheConnectionField() throws IOException {
    assertThat(errorsOf(STEP + "    headers: {Connection: keep-alive}\n"))
        .extracting(ExperimentError::toString)
        .containsExactly(
            dir.resolve("x.yaml")
                + ":12:27: load[0].headers.Connection: the Connection header is the step's"
                + " connection field\n    fix: remove it from headers; set \"connection:"
                + " keep-alive\", or leave the default \"connection: close\"");
  }
}
