package dev.faultline.e2e;

import static org.assertj.core.api.Assumptions.assumeThat;

import dev.faultline.experiment.Launch;
import dev.faultline.experiment.TargetSpec;
import dev.faultline.launch.Target;
import dev.faultline.launch.TargetLaunch;
import dev.faultline.launch.Targets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts built-in targets from builtin/target/faultline-builtin.jar for one test class, and stops
 * them all.
 */
final class BuiltinTargets implements AutoCloseable {

  private final Path runFolder;
  private final List<Target> started = new ArrayList<>();

  BuiltinTargets(Path runFolder) {
    this.runFolder = runFolder;
  }

  Target start(String service, String variant, Map<String, String> properties) {
    Path home = Path.of(System.getProperty("faultline.home", "."));
    TargetLaunch launch = new TargetLaunch(runFolder, home, Map.of());
    assumeThat(Files.isRegularFile(launch.builtinJar()))
        .as("build the targets first: mvn -B -q -pl targets package -DskipTests")
        .isTrue();
    TargetSpec spec =
        new TargetSpec(
            service,
            variant,
            null,
            null,
            null,
            Launch.PROCESS,
            null,
            "/actuator/health",
            Duration.ofSeconds(90),
            properties,
            Map.of(),
            List.of(),
            List.of());
    Target t = Targets.start(service + "-" + variant, spec, launch);
    started.add(t);
    return t;
  }

  @Override
  public void close() {
    started.forEach(Target::close);
  }
}
