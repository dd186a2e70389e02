package dev.faultline.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archives as a user gets them: the tar.gz unpacked with tar into a fresh folder outside the
 * repository, no Maven and no source tree, and {@code bin/faultline} run from a project folder of
 * the user's own, reached through a symlink as from a folder on the PATH.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DistributionIT {

  private static final String VERSION = System.getProperty("faultline.version");

  /** target/faultline-VERSION, to which .tar.gz and .zip are appended. */
  private static final Path ARCHIVES = Path.of(System.getProperty("faultline.archives"));

  @TempDir static Path outside;

  /** The unpacked faultline-VERSION folder. */
  private static Path home;

  /** The user's folder: bin/faultline a symlink into the unpacked one, experiments/ a copy. */
  private static Path project;

  @BeforeAll
  static void unpack() throws Exception {
    Path repository = ARCHIVES.getParent().getParent().getParent();
    assertThat(outside.toRealPath().startsWith(repository.toRealPath()))
        .as("%s is outside the repository %s", outside, repository)
        .isFalse();
    Ran tar = Ran.of(outside, 60, "tar", "xzf", tar().toString());
    assertThat(tar.code()).as(tar.output()).isZero();
    home = outside.resolve("faultline-" + VERSION);
    project = Files.createDirectories(outside.resolve("my-project"));
    Files.createDirectories(project.resolve("bin"));
    Files.createSymbolicLink(
        project.resolve("bin/faultline"), Path.of("../../faultline-" + VERSION + "/bin/faultline"));
    Files.createDirectories(project.resolve("experiments"));
    Files.copy(
        home.resolve("experiments/counter-locked.yaml"),
        project.resolve("experiments/counter-locked.yaml"));
  }

  @Test
  void version_names_the_build_and_the_java() throws Exception {
    Ran run = Ran.of(project, 60, "bin/faultline", "--version");

    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.output())
        .isEqualTo(
            "faultline "
                + VERSION
                + "\nJava "
                + System.getProperty("java.version")
                + " ("
                + System.getProperty("java.vm.name")
                + ", "
                + System.getProperty("java.home")
                + ")\n");
  }

  @Test
  void a_catalog_file_validates() throws Exception {
    Ran run = Ran.of(home, 60, "bin/faultline", "validate", "experiments/counter-racy.yaml");

    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.output()).isEqualTo("ok  experiments/counter-racy.yaml  (counter-racy)\n");
  }

  @Test
  void a_builtin_experiment_runs_to_met_with_its_report_in_the_working_folder() throws Exception {
    Ran run = Ran.of(project, 240, "bin/faultline", "run", "experiments/counter-locked.yaml");

    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.output())
        .contains("making the built-in targets' class-data-sharing archive in " + home.toRealPath())
        .contains("[counter-locked] Met: its one check held (counter-consistency).")
        .contains("history: " + project.toRealPath().resolve("reports/index.html"));
    Path reports = project.resolve("reports");
    assertThat(reports.resolve("junit.xml")).isRegularFile();
    try (Stream<Path> runs = Files.list(reports)) {
      Path folder = runs.filter(p -> p.toString().endsWith("-counter-locked")).findFirst().get();
      assertThat(folder.resolve("index.html")).isRegularFile();
      assertThat(Files.readString(folder.resolve("journal.json"))).contains("counter-locked");
    }
    assertThat(home.resolve("reports")).doesNotExist();
    try (Stream<Path> cds = Files.list(home.resolve("builtin/target/cds"))) {
      assertThat(cds.map(p -> p.getFileName().toString()))
          .contains(
              "faultline-builtin.jar",
              "faultline-builtin-" + System.getProperty("java.vm.version") + ".jsa");
    }
  }

  @Test
  void the_zip_holds_the_same_files_as_the_tar() throws Exception {
    Path zipped = Files.createDirectories(outside.resolve("from-zip"));
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(zip()))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        Path file = zipped.resolve(entry.getName()).normalize();
        assertThat(file.startsWith(zipped)).as("%s stays in the folder", entry.getName()).isTrue();
        if (!entry.isDirectory()) {
          Files.createDirectories(file.getParent());
          Files.copy(zip, file);
        }
      }
    }

    Map<String, Long> fromZip = filesAndSizes(zipped.resolve("faultline-" + VERSION));
    assertThat(fromZip)
        .containsKeys("bin/faultline", "README.md", "builtin/target/faultline-builtin.jar")
        .containsKeys("experiments/experiment.schema.json", "experiments/counter-locked.yaml")
        .containsKey("lib/faultline-harness-" + VERSION + ".jar");
    assertThat(fromZip)
        .isEqualTo(filesAndSizes(Ran.of(outside, 60, "tar", "tzf", tar().toString())));
  }

  private static Path tar() {
    return Path.of(ARCHIVES + ".tar.gz");
  }

  private static Path zip() {
    return Path.of(ARCHIVES + ".zip");
  }

  /** Every file under {@code folder} (relative, with / separators) and its size. */
  private static Map<String, Long> filesAndSizes(Path folder) throws IOException {
    Map<String, Long> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(p).toString(), Files.size(p));
      }
    }
    return files;
  }

  /** The files the tar listing names, with their sizes as unpacked (before any run wrote more). */
  private static Map<String, Long> filesAndSizes(Ran listing) throws IOException {
    Map<String, Long> files = new TreeMap<>();
    for (String name : listing.output().lines().filter(n -> !n.endsWith("/")).toList()) {
      String relative = name.substring(name.indexOf('/') + 1);
      files.put(relative, Files.size(home.resolve(relative)));
    }
    return files;
  }

  /** A finished child process: its exit code and what it printed (stdout and stderr, merged). */
  record Ran(int code, String output) {

    static Ran of(Path workDir, int seconds, String... command) throws Exception {
      Path log = Files.createTempFile("faultline-dist-", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(List.of(command))
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      Process process = builder.start();
      try {
        boolean ended = process.waitFor(seconds, TimeUnit.SECONDS);
        assertThat(ended)
            .as("%s ended within %d s; it printed:%n%s", List.of(command), seconds, read(log))
            .isTrue();
        return new Ran(process.exitValue(), read(log));
      } finally {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        Files.deleteIfExists(log);
      }
    }

    private static String read(Path log) throws IOException {
      return Files.readString(log, StandardCharsets.UTF_8);
    }
  }
}
