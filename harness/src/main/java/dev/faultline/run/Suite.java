package dev.faultline.run;

import dev.faultline.experiment.LoadedExperiment;
import dev.faultline.report.ConsoleSummary;
import dev.faultline.report.HistoryIndex;
import dev.faultline.report.RunRecord;
import dev.faultline.report.SuiteReports;
import dev.faultline.report.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs experiments one after another, then writes the suite's JUnit XML and rebuilds the history
 * index. Ctrl-C (or SIGTERM) aborts the current experiment, which rolls back and writes its report
 * before the JVM exits; the rest are not started.
 */
public final class Suite {

    private static final Duration ABORT_CLEANUP_BOUND = Duration.ofSeconds(40);

    private final RunOptions options;
    private volatile ExperimentRun current;
    private volatile boolean interrupted;
    /** Counted down once the suite has printed its verdicts and written its reports, so a signal does not cut them off. */
    private final CountDownLatch reported = new CountDownLatch(1);

    public Suite(RunOptions options) {
        this.options = options;
    }

    /** Runs every experiment; returns their records in order. */
    public List<RunRecord> run(List<LoadedExperiment> experiments) {
        Thread hook = new Thread(this::onShutdown, "faultline-abort-on-signal");
        Runtime.getRuntime().addShutdownHook(hook);
        List<RunRecord> records = new ArrayList<>();
        try {
            for (int i = 0; i < experiments.size() && !interrupted; i++) {
                LoadedExperiment x = experiments.get(i);
                options.console().say(x.name(), "experiment " + (i + 1) + "/" + experiments.size() + ": " + x.file());
                current = new ExperimentRun(x, options);
                RunRecord r = current.execute();
                records.add(r);
                options.console().say(x.name(), r.verdictSentence());
                options.console().say(x.name(), "report: " + r.folder().resolve("index.html"));
            }
            finish(records);
            return records;
        } finally {
            current = null;
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it waits for the current experiment's cleanup.
            }
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
     * The JVM halts when this hook returns, so it waits (bounded) for the aborted experiment to
     * clean up and then for the main thread to print the verdict and write the suite's reports.
     */
    private void onShutdown() {
        interrupted = true;
        ExperimentRun run = current;
        if (run == null) {
            return;
        }
        options.console().print("\nfaultline: interrupted — rolling back faults and stopping targets…\n");
        run.abort("interrupted by a signal (Ctrl-C or SIGTERM)");
        long deadline = System.nanoTime() + ABORT_CLEANUP_BOUND.toNanos();
        try {
            if (run.awaitFinished(ABORT_CLEANUP_BOUND)) {
                reported.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The CLI exit code of a suite: 0 all met, 1 a check failed or a run aborted, 3 an infrastructure error. */
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
