package dev.faultline.api;

import dev.faultline.experiment.ExperimentLoader;
import dev.faultline.experiment.InvalidExperimentException;
import dev.faultline.report.RunRecord;
import dev.faultline.run.Console;
import dev.faultline.run.RunOptions;
import dev.faultline.run.Suite;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads and runs experiments, as {@code faultline run} does: the same lifecycle, reports, journal
 * and JUnit XML. Stateless and thread-safe; runs that share a reports folder should not overlap.
 */
public final class Faultline {

  private Faultline() {}

  /**
   * Loads and validates one experiment file.
   *
   * @throws InvalidExperimentException listing every error in the file, each as {@code
   *     file:line:column: field: what} with a {@code fix:} line, as the CLI prints them
   */
  public static ExperimentFile load(Path file) {
    return new ExperimentFile(ExperimentLoader.load(file));
  }

  /**
   * Runs one experiment to its end and writes its reports: the run folder under {@link
   * RunSettings#reports()}, and there the suite's {@code junit.xml} and history index. Never leaves
   * a fault on or a target running. A signal (Ctrl-C) aborts the run, which still writes its
   * report. Blocks for the experiment's length, at most its budget plus the cleanup.
   */
  public static RunResult run(ExperimentFile experiment, RunSettings settings) {
    RunOptions options =
        new RunOptions(
            settings.reports(),
            settings.home(),
            new Console(settings.output()),
            new JournalEvents(settings.listener()));
    List<RunRecord> records = new Suite(options).run(List.of(experiment.loaded()));
    return RunResult.of(records.get(0));
  }
}
