package dev.faultline.run;

import dev.faultline.check.CheckContext;
import dev.faultline.check.CheckResult;
import dev.faultline.check.Checks;
import dev.faultline.experiment.CheckSpecs;
import dev.faultline.experiment.Experiment;
import dev.faultline.load.RequestOutcome;
import dev.faultline.report.FaultWindow;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * What a run observes around its load, for the checks: the targets' threads ({@link ThreadWatch}),
 * the counters read before load ({@link CountersBeforeLoad}), and the steady-state probes before
 * and after. Each check kind says what it needs ({@link
 * dev.faultline.experiment.CheckSpec#observes()}); nothing here names a kind. {@link ExperimentRun}
 * calls it at fixed points; {@link #close()} releases everything. Not thread-safe, except the
 * samplers it runs itself.
 */
public final class RunObservations implements AutoCloseable {

  private final Experiment e;
  private final Deployment d;
  private final RunJournal journal;
  private final ThreadWatch threads;
  private final CountersBeforeLoad counters;

  private RunObservations(
      Experiment e,
      Deployment d,
      RunJournal journal,
      ThreadWatch threads,
      CountersBeforeLoad counters) {
    this.e = e;
    this.d = d;
    this.journal = journal;
    this.threads = threads;
    this.counters = counters;
  }

  /**
   * After provisioning: attaches observers, takes baselines, reads the timeout counters and the
   * counter checks' counters before load.
   */
  public static RunObservations begin(
      Experiment e, Deployment d, RunJournal journal, Console console) {
    ThreadWatch threads = ThreadWatch.attach(e, d, journal, console);
    try {
      CountersBeforeLoad counters = CountersBeforeLoad.read(e, d, journal, console);
      return new RunObservations(e, d, journal, threads, counters);
    } catch (RuntimeException ex) {
      threads.close();
      throw ex;
    }
  }

  /** The steady-state probes before anything is injected; the reason to abort when one fails. */
  Optional<String> steadyStateBefore() {
    for (CheckResult r : steadyState("before")) {
      if (!r.passed()) {
        return Optional.of(
            "steady state does not hold before the experiment: "
                + r.summary()
                + (r.evidence().isEmpty() ? "" : " — " + r.evidence().get(0)));
      }
    }
    return Optional.empty();
  }

  /**
   * The steady-state probes after rollback, reported as checks named steady-state:&lt;probe&gt;.
   */
  List<CheckResult> steadyStateAfter() {
    return steadyState("after");
  }

  private List<CheckResult> steadyState(String when) {
    List<CheckResult> out = new ArrayList<>();
    CheckContext context = addresses();
    for (CheckSpecs.Invariant probe : e.steadyState()) {
      CheckResult r = Checks.steadyState(probe).evaluate(context);
      journal.record(
          "steady-state",
          probe.name(),
          when + ": " + r.summary(),
          Map.of("status", r.status().name()));
      out.add(r);
    }
    return out;
  }

  /** When load starts: deadlock watches, and the live-thread sampler for the timeline. */
  public void loadStarted() {
    threads.loadStarted();
  }

  /** After load and rollback: stops the watches and the sampler. */
  public void loadEnded() {
    threads.loadEnded();
  }

  /** Live threads in second {@code s} after {@code origin} (the last sample in it), or -1. */
  IntUnaryOperator liveThreads(Instant origin) {
    return threads.liveThreads(origin);
  }

  /** The run's context plus what was observed. */
  public CheckContext enrich(CheckContext base, Supplier<List<FaultWindow>> windows) {
    List<String> steps = e.load().stream().map(l -> l.name()).toList();
    return new ObservedContext(base, windows, steps, threads, counters);
  }

  private CheckContext addresses() {
    return new CheckContext() {
      @Override
      public URI baseUrl(String target) {
        return d.targets().get(target).baseUrl();
      }

      @Override
      public List<RequestOutcome> outcomes(String step) {
        return List.of();
      }
    };
  }

  @Override
  public void close() {
    threads.close();
  }
}
