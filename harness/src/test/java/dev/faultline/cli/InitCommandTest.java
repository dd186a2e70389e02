package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.experiment.Experiment;
import dev.faultline.experiment.ExperimentLoader;
import dev.faultline.experiment.TargetSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code faultline init} writes starters the real loader accepts, and never over a file. */
@Timeout(30)
class InitCommandTest {

  @TempDir Path folder;

  @Test
  void a_start_command_gives_a_command_target_that_validates() {
    Path file = folder.resolve("orders.yaml");

    CliRun run =
        CliRun.of(
            "init",
            "--command",
            "java -jar 'build/my app.jar' --port ${port}",
            "--health",
            "/health",
            "--name",
            "orders",
            file.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .isEqualTo(
            String.format(
                "faultline init: wrote %1$s, a starter experiment for the service started by:"
                    + " java -jar 'build/my app.jar' --port ${port}\n"
                    + "next: faultline validate %1$s, then faultline run %1$s\n",
                file));
    Experiment experiment = ExperimentLoader.load(file).experiment();
    assertThat(experiment.name()).isEqualTo("orders");
    TargetSpec service = experiment.targets().get("service");
    assertThat(service.command())
        .containsExactly("java", "-jar", "build/my app.jar", "--port", "${port}");
    assertThat(service.health()).isEqualTo("/health");
    assertThat(CliRun.of("validate", file.toString()).code()).isZero();
  }

  @Test
  void a_url_gives_an_attached_target_that_validates() {
    Path file = folder.resolve("attached.yaml");

    CliRun run = CliRun.of("init", "--url", "http://127.0.0.1:18080", file.toString());

    assertThat(run.code()).as(run.err()).isZero();
    Experiment experiment = ExperimentLoader.load(file).experiment();
    assertThat(experiment.name()).isEqualTo("my-service");
    assertThat(experiment.targets().get("service").url()).isEqualTo("http://127.0.0.1:18080");
    assertThat(experiment.targets().get("service").command()).isEmpty();
    assertThat(CliRun.of("validate", file.toString()).code()).isZero();
  }

  @Test
  void the_starter_is_commented_and_names_the_schema_of_the_home() throws IOException {
    Path file = folder.resolve("starter.yaml");

    CliRun.of("init", "--url", "http://localhost:8080", file.toString());

    String yaml = Files.readString(file);
    assertThat(yaml)
        .startsWith(
            "# yaml-language-server: $schema="
                + FaultlineCli.home().resolve("experiments/experiment.schema.json")
                + "\n#\n# A starter experiment that `faultline init` wrote for the service at http://localhost:8080.\n")
        .doesNotContain("@", "?command", "?url", "target-died");
  }

  @Test
  void an_existing_file_is_kept_with_exit_2_and_a_fix() throws IOException {
    Path file = Files.writeString(folder.resolve("mine.yaml"), "name: mine\n");

    CliRun run = CliRun.of("init", "--url", "http://127.0.0.1:8080", file.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "faultline init: "
                + file
                + " already exists; init never overwrites a file.\n"
                + "fix: give another file name (faultline init ... other.yaml), or move that one away\n");
    assertThat(Files.readString(file)).isEqualTo("name: mine\n");
  }

  @Test
  void a_url_beyond_loopback_is_refused_with_exit_2_and_nothing_written() {
    Path file = folder.resolve("remote.yaml");

    CliRun run = CliRun.of("init", "--url", "http://10.1.2.3:8080", file.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "faultline init: --url: Faultline sends traffic only to this machine; \"http://10.1.2.3:8080\" is not a loopback address\n"
                + "fix: give the URL the service listens on on this machine, e.g. http://127.0.0.1:8080\n");
    assertThat(file).doesNotExist();
  }

  @Test
  void a_command_or_a_url_is_required_and_not_both() {
    CliRun neither = CliRun.of("init");
    assertThat(neither.code()).isEqualTo(2);
    assertThat(neither.err())
        .startsWith(
            "Error: Missing required argument (specify one of these): (--command=<start command> | --url=<url>)\n");
    assertThat(CliRun.of("init", "--command", "./run.sh", "--url", "http://127.0.0.1:1").code())
        .isEqualTo(2);
  }

  @Test
  void quotes_keep_a_word_whole() {
    assertThat(InitCommand.words("  sh -c \"exec ./app --port=${port}\" 'a b'c  "))
        .isEqualTo(List.of("sh", "-c", "exec ./app --port=${port}", "a bc"));
  }

  @Test
  void the_version_is_the_builds_and_names_the_java() {
    CliRun run = CliRun.of("--version");

    assertThat(run.code()).isZero();
    assertThat(run.out())
        .startsWith("faultline 0.1.0-SNAPSHOT\nJava " + System.getProperty("java.version") + " (");
  }
}
