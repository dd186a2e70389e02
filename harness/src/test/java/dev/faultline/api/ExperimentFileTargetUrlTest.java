package dev.faultline.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.faultline.experiment.TargetSpec;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentFileTargetUrlTest {

  private static final String TWO_TARGETS =
      """
      name: front-and-back
      targets:
        back:
          command: [java, Back.java, --port, "${port}"]
          health: /health
          startup-timeout: 20s
          env: {MODE: strict}
        front:
          builtin: counter
          variant: locked
          properties: {downstream: "${url:back}"}
      load:
        - {name: increments, target: front, request: POST /counter/increment, rate: 10/s, duration: 2s}
      checks:
        - counter-consistency: {target: front, load: increments, ops: GET /counter/ops}
      """;

  @TempDir Path dir;

  @Test
  void the_named_target_is_attached_by_url_and_keeps_its_health_path_and_startup_timeout()
      throws IOException {
    ExperimentFile file = Faultline.load(write(TWO_TARGETS));

    ExperimentFile attached = file.withTargetUrl("back", URI.create("http://127.0.0.1:43121"));

    TargetSpec back = attached.loaded().experiment().targets().get("back");
    assertThat(back.url()).isEqualTo("http://127.0.0.1:43121");
    assertThat(back.command()).as("nothing is started for it").isEmpty();
    assertThat(back.env()).isEmpty();
    assertThat(back.health()).isEqualTo("/health");
    assertThat(back.startupTimeout()).hasSeconds(20);
    assertThat(attached.loaded().experiment().targets().get("front"))
        .as("the other target is as the file says")
        .isEqualTo(file.loaded().experiment().targets().get("front"));
    assertThat(attached.loaded().yaml())
        .as("the report's YAML as run names the override")
        .isEqualTo(
            "# targets.back: attached at http://127.0.0.1:43121 (override in code)\n"
                + TWO_TARGETS);
    assertThat(file.loaded().experiment().targets().get("back").url())
        .as("the experiment file it came from is unchanged")
        .isNull();
  }

  @Test
  void a_built_in_target_attached_by_url_is_no_longer_built_in() throws IOException {
    ExperimentFile file = Faultline.load(write(TWO_TARGETS));

    TargetSpec front =
        file.withTargetUrl("front", URI.create("http://localhost:18080"))
            .loaded()
            .experiment()
            .targets()
            .get("front");

    assertThat(front.builtin()).isNull();
    assertThat(front.variant()).isNull();
    assertThat(front.properties()).isEmpty();
    assertThat(front.url()).isEqualTo("http://localhost:18080");
    assertThat(front.health()).isEqualTo("/actuator/health");
  }

  @Test
  void an_unknown_target_name_is_refused_naming_the_experiments_targets() throws IOException {
    ExperimentFile file = Faultline.load(write(TWO_TARGETS));

    assertThat(refusal(() -> file.withTargetUrl("bakc", URI.create("http://127.0.0.1:8080"))))
        .isEqualTo(
            "front-and-back has no target named \"bakc\" (did you mean \"back\"?); its targets: back, front");
  }

  @Test
  void a_url_beyond_loopback_is_refused_by_the_rule_a_url_target_in_yaml_gets() throws IOException {
    Path path = write(TWO_TARGETS);
    ExperimentFile file = Faultline.load(path);

    assertThat(refusal(() -> file.withTargetUrl("back", URI.create("http://10.0.0.7:8080"))))
        .isEqualTo(
            "target \"back\" of front-and-back cannot be attached at http://10.0.0.7:8080:\n"
                + path
                + ":4:5: targets.back.url: Faultline sends traffic only to this machine;"
                + " \"http://10.0.0.7:8080\" is not a loopback address\n"
                + "    fix: use http://127.0.0.1:<port> or http://localhost:<port>");
  }

  @Test
  void a_url_with_user_info_is_refused_as_in_yaml() throws IOException {
    ExperimentFile file = Faultline.load(write(TWO_TARGETS));

    assertThat(
            refusal(
                () -> file.withTargetUrl("back", URI.create("http://me:secret@127.0.0.1:8080"))))
        .contains(
            "targets.back.url: \"http://me:secret@127.0.0.1:8080\" carries a user name;"
                + " Faultline does not send credentials");
  }

  @Test
  void the_only_target_may_be_attached_without_naming_it() throws IOException {
    ExperimentFile file =
        Faultline.load(
            write(
                """
                name: one-counter
                targets:
                  counter: {builtin: counter}
                load:
                  - {name: increments, target: counter, request: POST /counter/increment, rate: 10/s, duration: 2s}
                checks:
                  - counter-consistency: {target: counter, load: increments, ops: GET /counter/ops}
                """));

    ExperimentFile attached = file.withTargetUrl(URI.create("http://127.0.0.1:9000"));

    assertThat(attached.loaded().experiment().targets().get("counter").url())
        .isEqualTo("http://127.0.0.1:9000");
  }

  @Test
  void an_experiment_of_two_targets_needs_the_targets_name() throws IOException {
    ExperimentFile file = Faultline.load(write(TWO_TARGETS));

    assertThat(refusal(() -> file.withTargetUrl(URI.create("http://127.0.0.1:9000"))))
        .isEqualTo(
            "front-and-back has 2 targets (back, front); name the one to attach:"
                + " withTargetUrl(\"back\", url)");
  }

  /** The message of the IllegalArgumentException {@code call} throws. */
  private static String refusal(ThrowingCallable call) {
    return catchThrowableOfType(IllegalArgumentException.class, call).getMessage();
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("experiment.yaml"), yaml);
  }
}
