package dev.faultline.run;

import dev.faultline.check.CheckContext;
import dev.faultline.check.CheckResult;
import dev.faultline.experiment.Experiment;
import dev.faultline.profile.TargetProfile;
import dev.faultline.profile.TargetRecording;
import dev.faultline.report.FaultWindow;
import java.nio.file.Path;
import java.time.Instant;
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

  private final SteadyStateProbes probes;
  private final ThreadWatch threads;
  private final CountersBeforeLoad counters;
  private final Profiles profiles;

  private RunObservations(
      SteadyStateProbes probes,
      ThreadWatch threads,
      CountersBeforeLoad counters,
      Profiles profiles) {
    this.probes = probes;
    this.threads = threads;
    this.counters = counters;
    this.profiles = profiles;
  }

  /**
   * After provisioning: attaches observers, takes baselines, reads the timeout counters and the
   * counter checks' counters before load.
   */
  public static RunObservations begin(
      Experiment e, Deployment d, Path folder, RunJournal journal, Console console, boolean live) {
    ThreadWatch threads = ThreadWatch.attach(e, d, journal, console);
    Profiles profiles = null;
    try {
      profiles = Profiles.start(e, threads.observers(), d.addressNames(), folder, journal, live);
      CountersBeforeLoad counters = CountersBeforeLoad.read(e, d, journal, console);
      return new RunObservations(new SteadyStateProbes(e, d, journal), threads, counters, profiles);
    } catch (RuntimeException ex) {
      if (profiles != null) {
        profiles.close();
      }
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

  /**
   * When load starts: deadlock watches, the live-thread sampler for the timeline, and the start of
   * the profiles' windows ({@code faults}: when each fault was on, read after the load).
   */
  public void loadStarted(Supplier<List<FaultWindow>> faults) {
    threads.loadStarted();
    profiles.loadStarted(faults);
  }

  /** After load and rollback: stops the watches and the sampler, saves the recordings. */
  public void loadEnded() {
    threads.loadEnded();
    profiles.loadEnded();
  }

  /** The targets' recordings, by target, for the game day's live view. */
  public Map<String, TargetRecording> recordings() {
    return profiles.recordings();
  }

  /** Every recorded target's profile, read per window (the recordings saved first). */
  List<TargetProfile> profiles() {
    return profiles.all();
  }

  /** Live threads in second {@code s} after {@code origin} (the last sample in it), or -1. */
  IntUnaryOperator liveThreads(Instant origin) {
    return threads.liveThreads(origin);
  }

  /** The run's context plus what was observed. */
  public CheckContext enrich(CheckContext base, Supplier<List<FaultWindow>> windows) {
    List<String> steps = probes.experiment().load().stream().map(l -> l.name()).toList();
    return new ObservedContext(base, windows, steps, threads, counters, profiles);
  }

  @Override
  public void close() {
    profiles.loadEnded();
    profiles.close();
    threads.close();
  }
}
