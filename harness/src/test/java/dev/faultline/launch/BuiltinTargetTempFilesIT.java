package dev.faultline.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.experiment.Launch;
import dev.faultline.experiment.TargetSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: every built-in target start left /tmp/tomcat.<port>.<n>/ behind, even after a clean
 * run.
 */
class BuiltinTargetTempFilesIT {

  private static final Path HOME =
      Path.of(System.getProperty("faultline.home", "..")).toAbsolutePath().normalize();

  @TempDir Path run;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void a_builtin_targets_tomcat_folders_are_in_the_run_folder_not_in_tmp() throws IOException {
    TargetSpec spec =
        new TargetSpec(
            "counter",
            "locked",
            List.of(),
            null,
            null,
            Launch.PROCESS,
            null,
            "/actuator/health",
            Duration.ofMinutes(2),
            Map.of(),
            Map.of(),
            List.of(),
            List.of());

    Target t = Targets.start("counter", spec, new TargetLaunch(run, HOME, Map.of()));
    int port = t.baseUrl().getPort();
    t.close();

    assertThat(tomcatFolders(Path.of("/tmp"), port))
        .as("Tomcat folders of port " + port + " in /tmp")
        .isEmpty();
    assertThat(tomcatFolders(run.resolve("target-counter-tmp"), port))
        .as("Tomcat's base folder in the run folder")
        .isNotEmpty();
  }

  private static List<Path> tomcatFolders(Path in, int port) throws IOException {
    try (Stream<Path> s = Files.list(in)) {
      return s.filter(
              p -> p.getFileName().toString().matches("tomcat(-docbase)?\\." + port + "\\..*"))
          .toList();
    }
  }
}
