package dev.faultline.run;

import static org.awaitility.Awaitility.await;

import dev.faultline.FaultlineException;
import dev.faultline.check.CheckContext;
import dev.faultline.check.CheckResult;
import dev.faultline.experiment.CheckSpec;
import dev.faultline.experiment.Durations;
import dev.faultline.experiment.Experiment;
import dev.faultline.experiment.LoadSpec;
import dev.faultline.experiment.LoadedExperiment;
import dev.faultline.experiment.Workload;
import dev.faultline.load.GatlingLoad;
import dev.faultline.load.LoadProgress;
import dev.faultline.load.LoadResult;
import dev.faultline.load.LoadRun;
import dev.faultline.load.PreparedLoad;
import dev.faultline.load.RequestOutcome;
import dev.faultline.report.FaultWindow;
import dev.faultline.report.RunRecord;
import dev.faultline.report.RunReports;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One run of one experiment: provision, load, faults on schedule, checks, rollback, teardown,
 * reports. {@link #execute()} never leaves a fault on or a process running, whatever happens — an
 * exception, a stop condition, or {@link #abort(String)} from another thread (Ctrl-C).
 */
public final class ExperimentRun {

  private static final Duration FIRST_REQUEST_BOUND = Duration.ofSeconds(60);
  private static final Duration LOAD_END_MARGIN = Duration.ofSeconds(60);

  /**
   * How often the load is watched for stop conditions and its end: the run goes on to its checks at
   * most this long after the last request.
   */
  private static final Duration LOAD_WATCH_INTERVAL = Duration.ofMillis(50);

  /** How long Gatling may take to write its HTML report after the load, before it is stopped. */
  private static final Duration GATLING_REPORT_BOUND = Duration.ofSeconds(30);

  private final CountDownLatch finished = new CountDownLatch(1);
  private final LoadedExperiment loaded;
  private final Experiment experiment;
  private final RunOptions options;
  private final Console console;
  private volatile String abortReason;
  private volatile LoadRun load;
  private volatile Instant measuredStart;
  private RunSession session;
  private RunJournal journal;
  private PreparedLoad prepared;
  private LoadResult result;
  private Instant loadStarted;
  private Instant loadRequested;
  private Instant loadEnded;
  private Instant checksEnded;
  private List<CheckResult> checks = new ArrayList<>();

  public ExperimentRun(LoadedExperiment loaded, RunOptions options) {
    this.loaded = loaded;
    this.experiment = loaded.experiment();
    this.options = options;
    this.console = options.console();
  }

  /** Asks the run to stop: load ends, faults roll back, targets stop; the report says why. */
  public void abort(String reason) {
    abortReason = reason;
    LoadRun l = load;
    if (l != null) {
      l.abort();
    }
  }

  /** Waits, at most {@code bound}, for {@link #execute()} to have cleaned up after an abort. */
  public boolean awaitFinished(Duration bound) throws InterruptedException {
    return finished.await(bound.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Runs the experiment and writes its reports; returns the record of what happened. */
  public RunRecord execute() {
    session = RunSession.open(loaded, options, RunSession.Driver.SCHEDULE);
    journal = session.journal();
    String error = null;
    try {
      runPhases();
    } catch (Aborted a) {
      journal.record("phase", "abort", abortReason);
    } catch (FaultlineException | IllegalArgumentException ex) {
      error = failed(ex.getMessage());
    } catch (RuntimeException ex) {
      error = failed("unexpected " + ex);
      ex.printStackTrace();
    } finally {
      cleanUp();
    }
    journalTimings();
    RunRecord record = record(session.withFaultErrors(error));
    RunReports.write(record);
    finished.countDown();
    return record;
  }

  /** Provisioning, load with faults on schedule, checks; each only while the run goes on. */
  private void runPhases() {
    requireNotAborted(); // a signal may have come before the run began
    // Gatling's JVM starts while the targets do; it waits for its plan.
    prepared =
        GatlingLoad.prepare(experiment.name(), experiment.requestTimeout(), session.folder());
    session.provision();
    session.preflight();
    session.observe();
    RunObservations observations = session.observations();
    observations.steadyStateBefore().ifPresent(reason -> abortReason = reason);
    requireNotAborted();
    FaultSchedule faults = session.faults();
    observations.loadStarted(faults::windows);
    result = loadWithFaults(faults);
    faults.rollbackAll();
    observations.loadEnded();
    requireNotAborted();
    checks = runChecks(result, faults);
    checks.addAll(observations.steadyStateAfter());
    checksEnded = Instant.now();
  }

  /** Where the run's time went beyond its declared load, in the journal and on the console. */
  private void journalTimings() {
    RunTimings timings =
        new RunTimings(
            session.started(),
            loadRequested,
            loadStarted,
            loadEnded,
            checksEnded,
            Instant.now(),
            experiment.warmUp().plus(experiment.loadDuration()));
    journal.record("timing", "run", timings.describe(), timings.fields());
    console.say(experiment.name(), timings.describe());
  }

  private LoadResult loadWithFaults(FaultSchedule faults) {
    journal.record("phase", "load", "load starts: " + describeLoad() + "; " + prepared.readiness());
    loadRequested = Instant.now();
    load = prepared.start(session.declaredLoad());
    loadStarted = awaitFirstRequest(load);
    measuredStart = loadStarted.plus(experiment.warmUp());
    if (!experiment.warmUp().isZero()) {
      journal.record(
          "warm-up",
          "load",
          "warm-up for "
              + Durations.format(experiment.warmUp())
              + ": measured load and fault schedule start at "
              + measuredStart,
          Map.of("from", loadStarted.toString(), "until", measuredStart.toString()));
    }
    faults.start(measuredStart, experiment.loadDuration());
    LoadResult ended = watchLoad(load, guard(), faults);
    loadEnded = Instant.now();
    journal.record("phase", "load", "load ended: " + ended.outcomes().size() + " requests");
    return ended;
  }

  private String failed(String error) {
    journal.record("error", "run", error);
    console.say(experiment.name(), "ERROR: " + error);
    return error;
  }

  /** Runs on every path: no fault stays on, no load or target keeps running. */
  private void cleanUp() {
    if (prepared != null) {
      prepared.close();
    }
    if (session.faults() != null) {
      session.faults().rollbackAll();
    }
    if (load != null && result == null) {
      // an aborted run still reports the requests it sent
      result = load.abort();
    }
    session.teardown();
    if (load != null) {
      // Gatling's report was written while the checks ran and the targets stopped.
      result = load.finish(GATLING_REPORT_BOUND);
    }
  }

  private void requireNotAborted() {
    if (abortReason != null) {
      throw new Aborted();
    }
  }

  /**
   * Load starts when its first request does; faults are scheduled from that request's own start
   * time.
   */
  private Instant awaitFirstRequest(LoadRun run) {
    Instant before = Instant.now();
    AtomicReference<Instant> first = new AtomicReference<>();
    try {
      await("first request of " + experiment.name())
          .atMost(FIRST_REQUEST_BOUND)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(20))
          .until(
              () -> {
                run.firstRequestStart().ifPresent(first::set);
                return abortReason != null || !run.isRunning() || first.get() != null;
              });
    } catch (ConditionTimeoutException ex) {
      throw new FaultlineException(
          "Gatling sent no request within "
              + FIRST_REQUEST_BOUND.toSeconds()
              + " s; see gatling.log in the run folder");
    }
    requireNotAborted();
    if (first.get() == null) {
      throw new FaultlineException(
          "Gatling ended before sending a request; see gatling.log in the run folder");
    }
    console.say(
        experiment.name(),
        "load running (Gatling's first request "
            + Duration.between(before, first.get()).toMillis()
            + " ms after start)");
    return first.get();
  }

  private StopGuard guard() {
    return new StopGuard(
        experiment.stopWhen(),
        session.targets(),
        session.started().plus(experiment.budget()),
        experiment.budget());
  }

  /**
   * Polls the load until it ends; the clock it prints counts from the measured load's start, as the
   * faults' {@code at} do.
   */
  private LoadResult watchLoad(LoadRun run, StopGuard guard, FaultSchedule faults) {
    Duration declared = experiment.loadDuration();
    Instant nextLine = Instant.now();
    Optional<ProcessHandle> fork = ProcessHandle.of(run.pid());
    while (!run.loadEnded()) {
      requireNotAborted();
      LoadProgress p = run.progress();
      boolean warmingUp = Instant.now().isBefore(measuredStart);
      Optional<String> stop = guard.check(p, warmingUp);
      if (stop.isPresent()) {
        abortReason = stop.get();
        console.say(experiment.name(), "stopping: " + abortReason);
        run.abort();
        throw new Aborted();
      }
      if (!Instant.now().isBefore(nextLine)) {
        Duration elapsed =
            Duration.between(
                warmingUp ? measuredStart.minus(experiment.warmUp()) : measuredStart,
                Instant.now());
        console.say(
            experiment.name(),
            String.format(
                "%s %s/%s  %d req  %.0f req/s  ok %d  failed %d  indeterminate %d%s",
                warmingUp ? "warm-up" : "load",
                Durations.format(Duration.ofSeconds(Math.max(0, elapsed.toSeconds()))),
                Durations.format(warmingUp ? experiment.warmUp() : declared),
                p.requests(),
                p.recentRatePerSecond(),
                p.ok(),
                p.failed(),
                p.indeterminate(),
                faults.activeFaults().isEmpty()
                    ? ""
                    : "  faults on: " + String.join(", ", faults.activeFaults())));
        nextLine = Instant.now().plusSeconds(2);
      }
      waitForExit(fork, LOAD_WATCH_INTERVAL);
    }
    requireNotAborted();
    Duration left = Duration.between(Instant.now(), guard.deadline());
    return run.awaitLoadEnd(left.isNegative() ? LOAD_END_MARGIN : left.plus(LOAD_END_MARGIN));
  }

  private static void waitForExit(Optional<ProcessHandle> process, Duration bound) {
    if (process.isEmpty()) {
      return;
    }
    try {
      process.get().onExit().get(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException ignored) {
      // Still running: the caller polls again.
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new Aborted();
    }
  }

  private List<CheckResult> runChecks(LoadResult result, FaultSchedule faults) {
    journal.record("phase", "checks", "evaluating " + experiment.checks().size() + " checks");
    CheckContext context =
        session
            .observations()
            .enrich(
                new LoadCheckContext(experiment, session.targets(), result, measuredStart, faults),
                faults::windows);
    List<CheckResult> out = new ArrayList<>();
    for (CheckSpec spec : experiment.checks()) {
      out.add(session.evaluate(spec, () -> context, Map.of()));
    }
    return out;
  }

  private RunRecord record(String error) {
    FaultSchedule faults = session.faults();
    List<RequestOutcome> outcomes = result == null ? List.of() : result.outcomes();
    List<String> unexercised =
        result == null || faults == null
            ? List.of()
            : judgeLoad(outcomes, faults.windows(), faults.reach());
    Instant origin = RunSession.firstRequest(outcomes, loadStarted);
    RunObservations observations = session.observations();
    return session.record(
        new RunSession.Ending(
            Verdicts.judge(experiment, checks, error, abortReason, unexercised),
            origin,
            experiment.loadDuration(),
            checks,
            outcomes,
            measuredStart,
            observations == null ? s -> -1 : observations.liveThreads(origin),
            result,
            abortReason != null ? abortReason : error));
  }

  /**
   * Journals and prints what honest timing shows (requests failing clear of every fault, faults
   * switched late, a step that did not work); returns why the load did not exercise the service,
   * per step, empty when it did.
   */
  private List<String> judgeLoad(
      List<RequestOutcome> outcomes, List<FaultWindow> windows, List<FaultWindow> reach) {
    if (measuredStart == null) {
      return List.of();
    }
    List<RequestOutcome> measured = LoadHealth.measured(outcomes, measuredStart);
    List<String> unexercised =
        LoadHealth.unexercised(experiment.load(), measured, LoadHealth.windows(reach));
    List<String> findings =
        new ArrayList<>(LoadHealth.lateFaults(experiment.faults(), windows, measuredStart));
    LoadHealth.failuresOutsideFaults(measured, LoadHealth.windows(reach), measuredStart)
        .ifPresent(f -> findings.add(0, f));
    unexercised.forEach(u -> findings.add("not exercised: " + u));
    findings.forEach(
        f -> {
          journal.record("finding", "timing", f);
          console.say(experiment.name(), "finding: " + f);
        });
    return unexercised;
  }

  private String describeLoad() {
    List<String> parts = new ArrayList<>();
    for (LoadSpec l : experiment.load()) {
      parts.add(
          l.name()
              + ": "
              + l.request()
              + " to "
              + l.target()
              + ", "
              + (l.workload() == Workload.OPEN ? l.rate() : l.users() + " users")
              + " for "
              + Durations.format(l.duration()));
    }
    return String.join("; ", parts);
  }

  /** Unwinds the run after an abort; never escapes {@link #execute()}. */
  private static final class Aborted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Aborted() {
      super(null, null, false, false);
    }
  }
}
