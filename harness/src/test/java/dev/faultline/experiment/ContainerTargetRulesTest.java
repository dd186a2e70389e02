package dev.faultline.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerTargetRulesTest {

  @TempDir Path dir;

  private static final String WITH_TARGET =
      """
            name: my-service
            targets:
              svc: %s
            load:
              - {name: hits, target: svc, request: GET /, workload: closed, users: 1, duration: 2s}
            checks:
              - counter-consistency: {target: svc, load: hits, ops: GET /ops}
            """;

  private Path write(String target) throws IOException {
    return Files.writeString(dir.resolve("x.yaml"), WITH_TARGET.formatted(target));
  }

  @Test
  void a_container_target_from_the_users_image_is_valid_with_or_without_a_command()
      throws IOException {
    TargetSpec t =
        ExperimentLoader.load(write("{launch: container, image: acme/svc:1}"))
            .experiment()
            .targets()
            .get("svc");
    assertThat(t.image()).isEqualTo("acme/svc:1");
    assertThat(
            ExperimentLoader.load(
                    write(
                        "{launch: container, image: acme/svc:1, command: [serve, --port, '${port}']}"))
                .experiment()
                .targets()
                .get("svc")
                .command())
        .containsExactly("serve", "--port", "${port}");
  }

  @Test
  void an_image_without_launch_container_says_how_to_fix_it() throws IOException {
    Path file = write("{builtin: counter, image: acme/svc:1}");
    List<ExperimentError> errors =
        catchThrowableOfType(InvalidExperimentException.class, () -> ExperimentLoader.load(file))
            .errors();

    assertThat(errors)
        .singleElement()
        .satisfies(
            err -> {
              assertThat(err.field()).isEqualTo("targets.svc.image");
              assertThat(err.message()).isEqualTo("image applies to launch: container only");
              assertThat(err.fix()).isEqualTo("add \"launch: container\", or remove image");
            });
  }

  @Test
  void a_container_target_with_an_image_and_a_jar_gives_more_than_one_source() throws IOException {
    Path file = write("{launch: container, image: acme/svc:1, jar: svc.jar}");
    List<ExperimentError> errors =
        catchThrowableOfType(InvalidExperimentException.class, () -> ExperimentLoader.load(file))
            .errors();

    assertThat(errors)
        .extracting(ExperimentError::message)
        .contains("the target gives more than one of builtin, command, jar, url");
  }
}
