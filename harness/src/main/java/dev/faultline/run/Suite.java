package dev.faultline.run;

import dev.faultline.experiment.LoadedExperiment;
import dev.faultline.process.ExitHooks;
import dev.faultline.report.ConsoleSummary;
import dev.faultline.report.HistoryIndex;
import dev.faultline.report.RunRecord;
import dev.faultline.report.SuiteReports;
import dev.faultline.report.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs experiments one after another, then writes the suite's JUnit XML and rebuilds the history
 * index. Ctrl-C (or SIGTERM) aborts the current experiment, which rolls back and writes its report
 * before the JVM exits; the rest are not started.
 */
public final class Suite {

  static final String SIGNAL_REASON = "interrupted by a signal (Ctrl-C or SIGTERM)";

  private final RunOptions options;
  private volatile ExperimentRun current;
  private volatile boolean interrupted;

  public Suite(RunOptions options) {
    this.options = options;
  }

  /**
   * Runs every experiment; returns their records in order. A signal — even one that came before
   * this was called — aborts the current experiment (the first, if none had started), which still
   * writes its report; the JVM waits for that (see {@link ExitHooks}).
   */
  public List<RunRecord> run(List<LoadedExperiment> experiments) {
    List<RunRecord> records = new ArrayList<>();
    ExitHooks.Activity suite = ExitHooks.begin("the suite", this::onSignal);
    try {
      for (int i = 0; i < experiments.size() && (i == 0 || !interrupted); i++) {
        LoadedExperiment x = experiments.get(i);
        options
            .console()
            .say(x.name(), "experiment " + (i + 1) + "/" + experiments.size() + ": " + x.file());
        current = new ExperimentRun(x, options);
        if (interrupted) {
          current.abort(SIGNAL_REASON);
        }
        RunRecord r = current.execute();
        records.add(r);
        options.console().say(x.name(), r.verdictSentence());
        options.console().say(x.name(), "report: " + r.folder().resolve("index.html"));
      }
      finish(records);
      return records;
    } finally {
      current = null;
      suite.close();
    }
  }

  private void finish(List<RunRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    SuiteReports.writeJUnit(records, options.reportsFolder().resolve("junit.xml"));
    HistoryIndex.rebuild(options.reportsFolder());
    options.console().print("\n" + ConsoleSummary.render(records) + "\n");
    options.console().print("history: " + options.reportsFolder().resolve("index.html") + "\n");
  }

  /**
   * Told by the shutdown hook; the hook then waits (bounded) until {@link #run} has written the
   * reports.
   */
  private void onSignal() {
    interrupted = true;
    options
        .console()
        .print("\nfaultline: interrupted — rolling back faults and stopping targets…\n");
    ExperimentRun run = current;
    if (run != null) {
      run.abort(SIGNAL_REASON);
    }
  }

  /**
   * The CLI exit code of a suite: 0 all met, 1 a check failed or a run aborted, 3 an infrastructure
   * error. (After a signal the JVM exits 128 + the signal's number instead: 130 for SIGINT, 143 for
   * SIGTERM.)
   */
  public static int exitCode(List<RunRecord> records) {
    if (records.stream().anyMatch(r -> r.verdict() == Verdict.ERROR)) {
      return 3;
    }
    if (records.stream().anyMatch(r -> r.verdict() != Verdict.MET)) {
      return 1;
    }
    return 0;
  }
}
