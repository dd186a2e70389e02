package dev.faultline.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Parameters;

/** The experiment files or folders that {@code run} and {@code validate} read: at least one. */
final class ExperimentFiles {

  @Parameters(
      arity = "1..*",
      paramLabel = "<file|dir>",
      description = "Experiment files or folders of them.")
  List<Path> paths;
}
