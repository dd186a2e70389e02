package dev.faultline.experiment;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The check kinds beyond the counter: timeouts, threads, deadlocks, invariants. */
public final class CheckSpecs {

  private CheckSpecs() {}

  /**
   * Under a fault longer than the target's deadline, calls fail as timeouts and on time: no answer
   * later than deadline + tolerance, no request left hanging, and the target's own timeout counter
   * moves.
   */
  @Key("timeouts-fire")
  @Doc(
      "Calls of a load step answer within deadline + tolerance (none hangs), and the target's timeout counter moves.")
  public record TimeoutsFire(
      @Doc("Name of the check. Default: timeouts-fire.") String name,
      @Required @Doc("The target whose deadline is under test.") String target,
      @Required @Doc("The load step whose requests must answer on time.") String load,
      @Required @Doc("The target's own deadline.") Duration deadline,
      @Default("200ms") @Doc("Slack allowed above the deadline.") Duration tolerance,
      @Doc("Only requests that started while this fault was on; absent: every request of the step.")
          String during,
      @Doc("Request reading the target's stats, e.g. GET /aggregate/stats.") HttpRequestLine stats,
      @Doc("JSON Pointer to the timeout counter in the stats answer, e.g. /timeoutsFired.")
          String counter)
      implements CheckSpec {

    @Override
    public Set<Observation> observes() {
      return stats == null ? Set.of() : Set.of(Observation.COUNTER_BEFORE_LOAD);
    }

    @Override
    public <R> R match(Cases<R> cases) {
      return cases.timeoutsFire(this);
    }

    public TimeoutsFire {
      name = name == null ? "timeouts-fire" : name;
    }
  }

  /**
   * No thread family keeps growing with the work: a pool that filled up and stays is healthy, a
   * pool or a waiter made per request is a leak.
   */
  @Key("no-thread-leak")
  @Doc(
      "No thread family of the target keeps growing with the work through the second half of the load (a pool that filled up and stays is no leak); "
          + "growing families are reported first, with their totals and stacks.")
  public record NoThreadLeak(
      @Doc("Name of the check. Default: no-thread-leak.") String name,
      @Required @Doc("The target to observe.") String target,
      @Default("10s")
          @Doc("How long busy threads may take to finish after load (polled, not slept).")
          Duration settle,
      @Default("0") @Doc("How many threads a family may grow by in the second half of the load.")
          int tolerance,
      @Doc("Regular expressions of thread names never to count; rarely needed.")
          List<String> ignore)
      implements CheckSpec {

    @Override
    public Set<Observation> observes() {
      return Set.of(Observation.THREADS, Observation.THREAD_BASELINE, Observation.THREAD_CENSUS);
    }

    @Override
    public <R> R match(Cases<R> cases) {
      return cases.noThreadLeak(this);
    }

    public NoThreadLeak {
      name = name == null ? "no-thread-leak" : name;
      ignore = ignore == null ? List.of() : List.copyOf(ignore);
    }
  }

  /**
   * No deadlock in the target during or after the faults, and every request ended by a hard bound.
   */
  @Key("no-deadlock")
  @Doc(
      "No deadlocked threads in the target during or after load, and every request finished or failed within the bound.")
  public record NoDeadlock(
      @Doc("Name of the check. Default: no-deadlock.") String name,
      @Required @Doc("The target to observe.") String target,
      @Doc("Load step whose requests must all end within bound; absent: every step.") String load,
      @Default("30s") @Doc("Hard bound by which every request must have finished or failed.")
          Duration bound)
      implements CheckSpec {

    @Override
    public Set<Observation> observes() {
      return Set.of(Observation.THREADS, Observation.DEADLOCK_WATCH);
    }

    @Override
    public <R> R match(Cases<R> cases) {
      return cases.noDeadlock(this);
    }

    public NoDeadlock {
      name = name == null ? "no-deadlock" : name;
    }
  }

  /**
   * A custom property of the user's own service: an HTTP JSON probe, a JSONPath and a comparison.
   */
  @Key("invariant")
  @Doc(
      "An HTTP JSON probe of the target, a JSONPath into its answer, and a comparison that must hold.")
  public record Invariant(
      @Doc("Name of the check. Default: invariant.") String name,
      @Required @Doc("The target to probe.") String target,
      @Required @Doc("The probe, e.g. GET /config/stats.") HttpRequestLine request,
      @Required @Doc("JSONPath into the answer, e.g. $.tornReads.") String path,
      @Doc("The value must equal this (compared as text, or as a number when both are numbers).")
          String equals,
      @Doc("The value must be at most this number.") Double atMost,
      @Doc("The value must be at least this number.") Double atLeast,
      @Default("10s") @Doc("How long the property may take to hold (polled).") Duration within)
      implements CheckSpec {

    @Override
    public <R> R match(Cases<R> cases) {
      return cases.invariant(this);
    }

    public Invariant {
      name = name == null ? "invariant" : name;
    }
  }

  /**
   * A bound on a percentile of a load step's latency, overall, during a fault, or outside every
   * fault. A request that got no answer (timed out, reset, refused) counts at least as the request
   * timeout, so losing requests never makes the percentile look better.
   */
  @Key("response-time")
  @Doc(
      "A percentile of a load step's latency is at most a bound: overall, during a fault, or outside every fault. A request without an answer counts at least as request-timeout.")
  public record ResponseTime(
      @Doc("Name of the check. Default: response-time.") String name,
      @Doc("The target the report names beside the latency (optional).") String target,
      @Required @Doc("The load step whose latency is bounded.") String load,
      @Default("99") @Doc("The percentile, above 0 and at most 100, e.g. 99 or 99.9.")
          double percentile,
      @Required @Doc("The bound of the percentile, e.g. 300ms.") Duration atMost,
      @Doc("Only requests that started while this fault was on.") String during,
      @Default("false")
          @Doc("Only requests that ran while no fault was on (none overlapping a fault window).")
          boolean outsideFaults)
      implements CheckSpec {

    @Override
    public <R> R match(Cases<R> cases) {
      return cases.responseTime(this);
    }

    public ResponseTime {
      name = name == null ? "response-time" : name;
    }
  }

  /** A bound on the share of a load step's requests that were not ok (failed or indeterminate). */
  @Key("error-rate")
  @Doc(
      "The share of a load step's requests that were not ok (failed or indeterminate) is at most a bound: overall, during a fault, or outside every fault.")
  public record ErrorRate(
      @Doc("Name of the check. Default: error-rate.") String name,
      @Required @Doc("The load step whose errors are counted.") String load,
      @Required @Doc("The bound of the share not ok, e.g. 1%.") Percent atMost,
      @Doc("Only requests that started while this fault was on.") String during,
      @Default("false")
          @Doc("Only requests that ran while no fault was on (none overlapping a fault window).")
          boolean outsideFaults)
      implements CheckSpec {

    @Override
    public <R> R match(Cases<R> cases) {
      return cases.errorRate(this);
    }

    public ErrorRate {
      name = name == null ? "error-rate" : name;
    }
  }

  /**
   * A bound on lock contention, read from the target's JDK Flight Recorder recording: the time
   * threads spent blocked on any one lock (a monitor or a {@code Lock}) within each window.
   */
  @Key("lock-contention")
  @Doc(
      "The faults do not turn a lock (synchronized or a Lock) into a bottleneck: by default, from the first fault on, threads are blocked on no lock, per second of each window, more than 3 times as long as before the first fault (+ 0.25 s per second, at least 0.5 s); with max-blocked, the time threads spend blocked on any one lock within each window (before the first fault, each fault, after rollback) is at most that. Read from the target's JDK Flight Recorder recording, waits above 10 ms.")
  public record LockContention(
      @Doc("Name of the check. Default: lock-contention.") String name,
      @Required @Doc("The target whose recording is read.") String target,
      @Doc(
              "The most time threads may spend blocked on one lock within one window, in total (absent: each window from the first fault on is compared with the load before it).")
          Duration maxBlocked,
      @Doc("Only this fault's window (absent: every window).") String during)
      implements CheckSpec {

    @Override
    public Set<Observation> observes() {
      return Set.of(Observation.THREADS, Observation.PROFILE);
    }

    @Override
    public <R> R match(Cases<R> cases) {
      return cases.lockContention(this);
    }

    public LockContention {
      name = name == null ? "lock-contention" : name;
    }
  }
}
