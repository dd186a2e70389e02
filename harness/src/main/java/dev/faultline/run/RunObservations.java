package dev.faultline.run;

import dev.faultline.check.CheckContext;
import dev.faultline.check.CheckResult;
import dev.faultline.experiment.Experiment;
import dev.faultline.report.FaultWindow;
import java.time.Instant;
import java.util.List;
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

  private final SteadyStateProbes probes;
  private final ThreadWatch threads;
  private final CountersBeforeLoad counters;

  private RunObservations(
      SteadyStateProbes probes, ThreadWatch threads, CountersBeforeLoad counters) {
    this.probes = probes;
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
      return new RunObservations(new SteadyStateProbes(e, d, journal), threads, counters);
    } catch (RuntimeException ex) {
      threads.close();
      throw ex;
    }
  }

  /** The steady-state probes before anything is injected; the reason to abort when one fails. */
  Optional<String> steadyStateBefore() {
    return probes.before();
  }

  /**
   * The steady-state probes after rollback, reported as checks named steady-state:&lt;probe&gt;.
   */
  List<CheckResult> steadyStateAfter() {
    return probes.after();
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
    List<String> steps = probes.experiment().load().stream().map(l -> l.name()).toList();
    return new ObservedContext(base, windows, steps, threads, counters);
  }

  @Override
  public void close() {
    threads.close();
  }
}
