package dev.faultline.cli;

import dev.faultline.FaultlineException;
import dev.faultline.experiment.ExperimentLoader;
import dev.faultline.experiment.InvalidExperimentException;
import dev.faultline.experiment.LoadedExperiment;
import dev.faultline.gameday.GameDay;
import dev.faultline.report.RunRecord;
import dev.faultline.run.Console;
import dev.faultline.run.RunOptions;
import dev.faultline.run.Suite;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline gameday <file>}: a live room on 127.0.0.1 where people switch the experiment's
 * faults by hand.
 */
@Command(
    name = "gameday",
    description = {
      "Start an experiment's targets, proxies and steady load, and serve a live room on 127.0.0.1",
      "where people switch its faults by hand, run its checks, write notes and ABORT.",
      "Ends on ABORT, ./faultline abort, Ctrl-C or the budget; then writes the run report with the manual timeline."
    })
final class GamedayCommand implements Callable<Integer> {

  @Parameters(paramLabel = "<file>", description = "The experiment file.")
  Path file;

  @Option(
      names = "--port",
      defaultValue = "0",
      description =
          "Port of the page on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--reports",
      paramLabel = "<dir>",
      description =
          "Where the run folder goes (default: ./reports with the distribution, reports/ of the checkout with ./faultline).")
  Path reports;

  @Override
  public Integer call() {
    LoadedExperiment experiment;
    try {
      List<LoadedExperiment> loaded = ExperimentLoader.loadAll(List.of(file));
      if (loaded.size() != 1) {
        System.err.println(
            file
                + ": a game day runs one experiment; give one file, not a folder of "
                + loaded.size());
        return FaultlineCli.INVALID;
      }
      experiment = loaded.get(0);
    } catch (InvalidExperimentException e) {
      System.err.println(e.getMessage());
      System.err.println("Nothing was started.");
      return FaultlineCli.INVALID;
    }
    Path folder = reports != null ? reports : FaultlineCli.reports();
    GameDay gameDay;
    try {
      gameDay =
          GameDay.open(
              experiment,
              new RunOptions(folder, FaultlineCli.home(), new Console(System.out)),
              port);
    } catch (FaultlineException e) {
      System.err.println("faultline gameday: " + e.getMessage());
      return FaultlineCli.INFRASTRUCTURE;
    }
    RunRecord record = gameDay.awaitEnd();
    return Suite.exitCode(List.of(record));
  }
}
