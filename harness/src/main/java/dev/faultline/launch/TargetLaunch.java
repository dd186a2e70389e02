package dev.faultline.launch;

import dev.faultline.container.ContainerSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the run provides when a target starts: where its log goes, where Faultline is installed (to
 * find the built-in targets' jar), extra Spring properties (e.g. the proxied URLs of the services
 * it calls), and — for {@code launch: container} — the run's container session (null otherwise).
 */
public record TargetLaunch(
    Path runFolder, Path home, Map<String, String> extraProperties, ContainerSession containers) {

  public TargetLaunch {
    extraProperties = Map.copyOf(extraProperties);
  }

  /** A launch without containers: every target runs as a process (or is attached by URL). */
  public TargetLaunch(Path runFolder, Path home, Map<String, String> extraProperties) {
    this(runFolder, home, extraProperties, null);
  }

  /** The jar holding the built-in targets. */
  public Path builtinJar() {
    return home.resolve("builtin/target/faultline-builtin.jar");
  }

  /**
   * The built-in targets extracted beside a class-data-sharing archive made by this very JVM build
   * (the targets' build makes one), which halves their start; empty when there is none or it is
   * older than the jar, and the plain jar is used. The folder is the launcher's {@code
   * faultline.cds} (the distribution makes the archive on first use where it may write), else
   * {@code builtin/target/cds} of the home.
   */
  public Optional<ClassArchive> builtinClassArchive() {
    String given = System.getProperty("faultline.cds");
    Path folder = given != null ? Path.of(given) : home.resolve("builtin/target/cds");
    Path jar = folder.resolve("faultline-builtin.jar");
    Path archive =
        folder.resolve("faultline-builtin-" + System.getProperty("java.vm.version") + ".jsa");
    try {
      if (Files.isRegularFile(jar)
          && Files.isRegularFile(archive)
          && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(builtinJar()))
              >= 0) {
        return Optional.of(new ClassArchive(jar, archive));
      }
    } catch (IOException unreadable) {
      // no archive then: the plain jar starts the same targets, only slower
    }
    return Optional.empty();
  }

  /** An extracted application jar and the class-data-sharing archive to start it with. */
  public record ClassArchive(Path jar, Path archive) {}
}
