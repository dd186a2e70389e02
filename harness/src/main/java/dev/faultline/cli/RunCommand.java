package dev.faultline.cli;

import dev.faultline.experiment.ExperimentLoader;
import dev.faultline.experiment.InvalidExperimentException;
import dev.faultline.experiment.Launch;
import dev.faultline.experiment.LoadedExperiment;
import dev.faultline.report.RunRecord;
import dev.faultline.run.Console;
import dev.faultline.run.RunOptions;
import dev.faultline.run.Suite;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code faultline run <file|dir>...}: runs experiments and writes their reports. */
@Command(
    name = "run",
    description = "Run experiments (files, or folders of *.yaml) and write their reports.")
final class RunCommand implements Callable<Integer> {

  @Mixin ExperimentFiles files;

  @Option(
      names = "--reports",
      paramLabel = "<dir>",
      description =
          "Where run folders go (default: ./reports with the distribution, reports/ of the checkout with ./faultline).")
  Path reports;

  @Option(
      names = "--launch",
      paramLabel = "process|container",
      description =
          "Launch every built-in target this way, whatever the experiment says (container: Docker via Testcontainers; build the images with ./faultline images).")
  Launch launch;

  @Override
  public Integer call() {
    List<LoadedExperiment> experiments;
    try {
      experiments = ExperimentLoader.loadAll(files.paths);
    } catch (InvalidExperimentException e) {
      System.err.println(e.getMessage());
      System.err.println("Nothing was started.");
      return FaultlineCli.INVALID;
    }
    if (launch != null) {
      experiments = experiments.stream().map(x -> x.withBuiltinLaunch(launch)).toList();
    }
    Path folder = reports != null ? reports : FaultlineCli.reports();
    List<RunRecord> records =
        new Suite(new RunOptions(folder, FaultlineCli.home(), new Console(System.out)))
            .run(experiments);
    return Suite.exitCode(records);
  }
}
