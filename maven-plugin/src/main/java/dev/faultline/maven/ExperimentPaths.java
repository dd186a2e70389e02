package dev.faultline.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;

/** The experiment files a goal's {@code experiments} parameter names. Stateless. */
final class ExperimentPaths {

  /** Where experiments are when the parameter is not given, relative to the project. */
  static final String DEFAULT_FOLDER = "src/faultline";

  private ExperimentPaths() {}

  /**
   * Each file as given, and the {@code *.yaml} / {@code *.yml} files directly inside each folder,
   * in name order.
   *
   * @throws MojoFailureException when a path does not exist or nothing is found
   */
  static List<Path> of(Path basedir, List<File> given) throws MojoFailureException {
    List<Path> roots =
        given == null || given.isEmpty()
            ? List.of(basedir.resolve(DEFAULT_FOLDER))
            : given.stream().map(f -> basedir.resolve(f.toPath())).toList();
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        files.addAll(inside(root));
      } else if (Files.isRegularFile(root)) {
        files.add(root);
      } else {
        throw new MojoFailureException(
            "Faultline: experiments: no file or folder " + root + "\n    fix: " + fix());
      }
    }
    if (files.isEmpty()) {
      throw new MojoFailureException(
          "Faultline: no experiment files (*.yaml) in " + roots + "\n    fix: " + fix());
    }
    return files;
  }

  private static List<Path> inside(Path folder) throws MojoFailureException {
    try (Stream<Path> children = Files.list(folder)) {
      return children
          .filter(Files::isRegularFile)
          .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new MojoFailureException("Faultline: cannot list " + folder + ": " + e.getMessage(), e);
    }
  }

  private static String fix() {
    return "put experiments in "
        + DEFAULT_FOLDER
        + ", or name them in the plugin's <experiments>; -Dfaultline.skip skips the goals";
  }
}
