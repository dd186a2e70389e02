package dev.faultline.run;

import dev.faultline.FaultlineException;
import dev.faultline.InfrastructureException;
import dev.faultline.check.CheckContext;
import dev.faultline.check.CheckResult;
import dev.faultline.check.Checks;
import dev.faultline.check.CounterBounds;
import dev.faultline.check.ThreadCensus;
import dev.faultline.experiment.CheckSpec;
import dev.faultline.experiment.CheckSpecs;
import dev.faultline.experiment.CounterConsistencySpec;
import dev.faultline.experiment.Experiment;
import dev.faultline.launch.Target;
import dev.faultline.load.RequestOutcome;
import dev.faultline.observe.DeadlockWatch;
import dev.faultline.observe.ObserveException;
import dev.faultline.observe.ThreadObserver;
import dev.faultline.observe.ThreadObservers;
import dev.faultline.observe.ThreadSnapshot;
import dev.faultline.report.FaultWindow;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * What a run observes around its load, for the checks: thread observers of the targets the thread
 * checks name, their baseline before load, deadlock samples during load, the timeout counters and
 * the counter checks' counters (and applied ids) before load, the steady-state probes before and
 * after, and live thread counts per second for the timeline. {@link ExperimentRun} calls it at
 * fixed points; {@link #close()} releases everything. Not thread-safe, except the samplers it runs
 * itself.
 */
public final class RunObservations implements AutoCloseable {

  private static final Duration DEADLOCK_INTERVAL = Duration.ofSeconds(1);
  private static final Duration CENSUS_INTERVAL = Duration.ofMillis(500);

  private final Experiment e;
  private final Deployment d;
  private final RunJournal journal;
  private final Console console;
  private final Map<String, ThreadObserver> observers = new LinkedHashMap<>();
  private final Map<String, String> unobservable = new LinkedHashMap<>();
  private final Map<String, ThreadSnapshot> baselines = new LinkedHashMap<>();
  private final Map<String, Long> countersBefore = new LinkedHashMap<>();
  private final Map<String, CounterBounds.Reading> readingsBefore = new LinkedHashMap<>();
  private final Map<String, String> unreadBefore = new LinkedHashMap<>();
  private final Map<String, DeadlockWatch> watches = new LinkedHashMap<>();
  private final Map<String, DeadlockWatch.Findings> findings = new LinkedHashMap<>();
  private final Map<Long, Integer> threadCounts = new ConcurrentHashMap<>();
  private final Map<String, List<ThreadCensus>> censuses = new ConcurrentHashMap<>();
  private ScheduledExecutorService sampler;

  private RunObservations(Experiment e, Deployment d, RunJournal journal, Console console) {
    this.e = e;
    this.d = d;
    this.journal = journal;
    this.console = console;
  }

  /**
   * After provisioning: attaches observers, takes baselines, reads the timeout counters and the
   * counter checks' counters before load.
   */
  public static RunObservations begin(
      Experiment e, Deployment d, RunJournal journal, Console console) {
    RunObservations o = new RunObservations(e, d, journal, console);
    try {
      o.attach();
    } catch (RuntimeException ex) {
      o.observers.values().forEach(ThreadObserver::close);
      throw ex;
    }
    o.takeBaselines();
    o.readCountersBefore();
    return o;
  }

  private void attach() {
    Map<String, String> needed = new LinkedHashMap<>();
    for (CheckSpec c : e.checks()) {
      if (c instanceof CheckSpecs.NoThreadLeak n) {
        needed.putIfAbsent(n.target(), c.name());
      } else if (c instanceof CheckSpecs.NoDeadlock n) {
        needed.putIfAbsent(n.target(), c.name());
      }
    }
    Set<String> wanted = new LinkedHashSet<>(needed.keySet());
    if (wanted.isEmpty()) {
      // Only for the timeline's thread count: the first target Faultline runs itself.
      d.targets().values().stream()
          .filter(t -> t.process().isPresent())
          .findFirst()
          .ifPresent(t -> wanted.add(t.name()));
    }
    for (String name : wanted) {
      Target t = d.targets().get(name);
      try {
        ThreadObserver o = ThreadObservers.forTarget(t);
        observers.put(name, o);
        journal.record("observe", name, "threads seen through " + o.source());
        if (needed.containsKey(name)) {
          console.say(
              e.name(),
              "preflight: "
                  + needed.get(name)
                  + " sees the threads of target "
                  + name
                  + " through "
                  + o.source());
        }
      } catch (ObserveException ex) {
        unobservable.put(name, ex.getMessage());
        journal.record("error", name, ex.getMessage());
        console.say(e.name(), "cannot observe target " + name + ": " + ex.getMessage());
        if (needed.containsKey(name)) {
          // Before load, not as an ERROR after it: the check could never have been judged.
          throw new InfrastructureException(
              needed.get(name)
                  + " needs the threads of target "
                  + name
                  + ", and they cannot be seen (checked before load; "
                  + "nothing was sent): "
                  + ex.getMessage()
                  + "; fix: for a process Faultline starts, run the harness as the same user on a JDK "
                  + "(the Attach API); for a url target, expose Spring Boot's thread dump: management.endpoints.web.exposure.include=health,threaddump");
        }
      }
    }
  }

  private void takeBaselines() {
    for (CheckSpec c : e.checks()) {
      if (c instanceof CheckSpecs.NoThreadLeak n
          && observers.containsKey(n.target())
          && !baselines.containsKey(n.target())) {
        try {
          ThreadSnapshot s = observers.get(n.target()).snapshot();
          baselines.put(n.target(), s);
          journal.record("observe", n.target(), "baseline before load: " + s.size() + " threads");
        } catch (ObserveException ex) {
          journal.record("error", n.target(), "no baseline of threads: " + ex.getMessage());
        }
      }
    }
  }

  private void readCountersBefore() {
    for (CheckSpec c : e.checks()) {
      if (c instanceof CheckSpecs.TimeoutsFire t && t.stats() != null) {
        try {
          long v = Checks.timeoutCounter(t, d.targets().get(t.target()).baseUrl());
          countersBefore.put(t.name(), v);
          journal.record(
              "observe", t.name(), "timeout counter " + t.counter() + " before load: " + v);
        } catch (FaultlineException ex) {
          unreadBefore.put(t.name(), ex.getMessage());
          journal.record(
              "error", t.name(), "timeout counter not read before load: " + ex.getMessage());
        }
      } else if (c instanceof CounterConsistencySpec cc) {
        readCounterBefore(cc);
      }
    }
  }

  /**
   * The check judges the increase over the load: a service may have counted long before this run.
   */
  private void readCounterBefore(CounterConsistencySpec c) {
    try {
      CounterBounds.Reading r = Checks.counterReading(c, d.targets().get(c.target()).baseUrl());
      readingsBefore.put(c.name(), r);
      journal.record(
          "observe",
          c.name(),
          "counter "
              + c.read()
              + " "
              + c.value()
              + " before load: "
              + r.value()
              + (r.ops() == null ? "" : ", " + r.ops().applied().size() + " applied ids"));
    } catch (FaultlineException ex) {
      unreadBefore.put(c.name(), ex.getMessage());
      journal.record("error", c.name(), "counter not read before load: " + ex.getMessage());
      console.say(
          e.name(),
          "check "
              + c.name()
              + " cannot judge the counter: it was not read before load: "
              + ex.getMessage());
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
    for (CheckSpec c : e.checks()) {
      if (c instanceof CheckSpecs.NoDeadlock n
          && observers.containsKey(n.target())
          && !watches.containsKey(n.target())) {
        watches.put(
            n.target(),
            DeadlockWatch.start(n.target(), observers.get(n.target()), DEADLOCK_INTERVAL));
      }
    }
    Optional<ThreadObserver> first = observers.values().stream().findFirst();
    if (first.isPresent()) {
      sampler =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "faultline-thread-count");
                t.setDaemon(true);
                return t;
              });
      sampler.scheduleAtFixedRate(
          () -> {
            try {
              threadCounts.put(System.currentTimeMillis(), first.get().liveThreads());
            } catch (RuntimeException ignored) {
              // A gap in the timeline; the checks report what cannot be seen.
            }
          },
          0,
          1,
          TimeUnit.SECONDS);
      startCensuses();
    }
  }

  /**
   * no-thread-leak judges growth against the work, so it needs its target's threads counted while
   * the load runs.
   */
  private void startCensuses() {
    for (CheckSpec c : e.checks()) {
      if (c instanceof CheckSpecs.NoThreadLeak n
          && observers.containsKey(n.target())
          && !censuses.containsKey(n.target())) {
        List<ThreadCensus> list = new CopyOnWriteArrayList<>();
        censuses.put(n.target(), list);
        ThreadObserver o = observers.get(n.target());
        sampler.scheduleWithFixedDelay(
            () -> {
              try {
                list.add(ThreadCensus.of(o.snapshot()));
              } catch (RuntimeException ignored) {
                // A missed census only coarsens the slices; the judgement says how many it had.
              }
            },
            0,
            CENSUS_INTERVAL.toMillis(),
            TimeUnit.MILLISECONDS);
      }
    }
  }

  /** After load and rollback: stops the watches and the sampler. */
  public void loadEnded() {
    watches.forEach(
        (target, w) -> {
          DeadlockWatch.Findings f = w.stop();
          findings.put(target, f);
          journal.record(
              "observe",
              target,
              f.samples() + " deadlock samples during load, " + f.cycles().size() + " cycles");
        });
    watches.clear();
    if (sampler != null) {
      sampler.shutdownNow();
    }
  }

  /** Live threads in second {@code s} after {@code origin} (the last sample in it), or -1. */
  IntUnaryOperator liveThreads(Instant origin) {
    if (origin == null || threadCounts.isEmpty()) {
      return s -> -1;
    }
    Map<Integer, Integer> bySecond = new java.util.HashMap<>();
    new java.util.TreeMap<>(threadCounts)
        .forEach(
            (millis, n) -> {
              long s = Math.floorDiv(millis - origin.toEpochMilli(), 1000);
              if (s >= 0 && s <= Integer.MAX_VALUE) {
                bySecond.put((int) s, n);
              }
            });
    return s -> bySecond.getOrDefault(s, -1);
  }

  /** The run's context plus what was observed. */
  public CheckContext enrich(CheckContext base, Supplier<List<FaultWindow>> windows) {
    return new CheckContext() {
      @Override
      public URI baseUrl(String target) {
        return base.baseUrl(target);
      }

      @Override
      public List<RequestOutcome> outcomes(String step) {
        return base.outcomes(step);
      }

      @Override
      public List<RequestOutcome> allOutcomes(String step) {
        return base.allOutcomes(step);
      }

      @Override
      public Duration requestTimeout() {
        return base.requestTimeout();
      }

      @Override
      public List<Window> faultWindows() {
        return base.faultWindows();
      }

      @Override
      public List<String> steps() {
        return e.load().stream().map(l -> l.name()).toList();
      }

      @Override
      public ThreadObserver observer(String target) {
        ThreadObserver o = observers.get(target);
        if (o == null) {
          throw new ObserveException(
              unobservable.getOrDefault(target, "the run observes no threads of target " + target));
        }
        return o;
      }

      @Override
      public Optional<ThreadSnapshot> baseline(String target) {
        return Optional.ofNullable(baselines.get(target));
      }

      @Override
      public List<ThreadCensus> threadCensuses(String target) {
        return List.copyOf(censuses.getOrDefault(target, List.of()));
      }

      @Override
      public Optional<DeadlockWatch.Findings> deadlocksDuringLoad(String target) {
        return Optional.ofNullable(findings.get(target));
      }

      @Override
      public Optional<Window> faultWindow(String fault) {
        return windows.get().stream()
            .filter(w -> w.name().equals(fault) && w.on() != null)
            .findFirst()
            .map(w -> new Window(w.on(), w.off()));
      }

      @Override
      public OptionalLong counterBefore(String check) {
        Long v = countersBefore.get(check);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
      }

      @Override
      public Optional<CounterBounds.Reading> counterReadingBefore(String check) {
        return Optional.ofNullable(readingsBefore.get(check));
      }

      @Override
      public Optional<String> whyNotReadBefore(String check) {
        return Optional.ofNullable(unreadBefore.get(check));
      }
    };
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
    loadEnded();
    observers.values().forEach(ThreadObserver::close);
    observers.clear();
  }
}
