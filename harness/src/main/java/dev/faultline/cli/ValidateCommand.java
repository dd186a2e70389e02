package dev.faultline.cli;

import dev.faultline.experiment.ExperimentLoader;
import dev.faultline.experiment.InvalidExperimentException;
import dev.faultline.experiment.LoadedExperiment;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code faultline validate <file|dir>...}: checks experiment files without starting anything. */
@Command(
    name = "validate",
    description = "Check experiment files; start nothing. Exit 0 if all are valid, 2 otherwise.")
final class ValidateCommand implements Callable<Integer> {

  @Mixin ExperimentFiles files;

  @Override
  public Integer call() {
    try {
      List<LoadedExperiment> ok = ExperimentLoader.loadAll(files.paths);
      ok.forEach(x -> System.out.println("ok  " + x.file() + "  (" + x.name() + ")"));
      return 0;
    } catch (InvalidExperimentException e) {
      System.err.println(e.getMessage());
      return FaultlineCli.INVALID;
    }
  }
}
