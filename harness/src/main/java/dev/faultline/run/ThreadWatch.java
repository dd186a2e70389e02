package dev.faultline.run;

import dev.faultline.InfrastructureException;
import dev.faultline.check.ThreadCensus;
import dev.faultline.experiment.CheckSpec;
import dev.faultline.experiment.CheckSpec.Observation;
import dev.faultline.experiment.Experiment;
import dev.faultline.launch.Target;
import dev.faultline.observe.DeadlockWatch;
import dev.faultline.observe.ObserveException;
import dev.faultline.observe.ThreadObserver;
import dev.faultline.observe.ThreadObservers;
import dev.faultline.observe.ThreadSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;

/**
 * The targets' threads, as the checks ask for them ({@link CheckSpec#observes()}): an observer per
 * target, the baseline before load, deadlock samples and thread censuses while the load runs, and
 * live thread counts per second for the timeline. Not thread-safe, except the samplers it runs
 * itself.
 */
final class ThreadWatch implements AutoCloseable {

  private static final Duration DEADLOCK_INTERVAL = Duration.ofSeconds(1);
  private static final Duration CENSUS_INTERVAL = Duration.ofMillis(500);

  private final Experiment experiment;
  private final RunJournal journal;
  private final Console console;
  private final Map<String, ThreadObserver> observers = new LinkedHashMap<>();
  private final Map<String, String> unobservable = new LinkedHashMap<>();
  private final Map<String, ThreadSnapshot> baselines = new LinkedHashMap<>();
  private final Map<String, DeadlockWatch> watches = new LinkedHashMap<>();
  private final Map<String, DeadlockWatch.Findings> findings = new LinkedHashMap<>();
  private final Map<Long, Integer> threadCounts = new ConcurrentHashMap<>();
  private final Map<String, List<ThreadCensus>> censuses = new ConcurrentHashMap<>();
  private ScheduledExecutorService sampler;

  private ThreadWatch(Experiment experiment, RunJournal journal, Console console) {
    this.experiment = experiment;
    this.journal = journal;
    this.console = console;
  }

  /**
   * After provisioning: attaches the observers the checks need (throwing {@link
   * InfrastructureException} before load when one cannot be), and takes the baselines.
   */
  static ThreadWatch attach(
      Experiment experiment, Deployment d, RunJournal journal, Console console) {
    ThreadWatch w = new ThreadWatch(experiment, journal, console);
    try {
      w.attach(d);
    } catch (RuntimeException ex) {
      w.close();
      throw ex;
    }
    w.takeBaselines();
    return w;
  }

  /** The targets of the checks that observe {@code what}, each once, in the order of the checks. */
  private Set<String> targets(Observation what) {
    Set<String> out = new LinkedHashSet<>();
    for (CheckSpec c : experiment.checks()) {
      if (c.observes().contains(what) && observers.containsKey(c.target())) {
        out.add(c.target());
      }
    }
    return out;
  }

  private void attach(Deployment d) {
    Map<String, String> needed = new LinkedHashMap<>();
    for (CheckSpec c : experiment.checks()) {
      if (c.observes().contains(Observation.THREADS)) {
        needed.putIfAbsent(c.target(), c.name());
      }
    }
    Set<String> wanted = new LinkedHashSet<>(needed.keySet());
    if (Profiles.everyTarget()) {
      // Every JVM the run started is recorded, and a recording streams over the observer's JMX.
      d.targets().values().stream()
          .filter(t -> t.process().isPresent())
          .forEach(t -> wanted.add(t.name()));
    }
    if (wanted.isEmpty()) {
      // Only for the timeline's thread count: the first target Faultline runs itself.
      d.targets().values().stream()
          .filter(t -> t.process().isPresent())
          .findFirst()
          .ifPresent(t -> wanted.add(t.name()));
    }
    // Attaching costs each target about half a second of its own; they attach at once.
    Map<String, CompletableFuture<ThreadObserver>> attaching = new LinkedHashMap<>();
    for (String name : wanted) {
      Target t = d.targets().get(name);
      attaching.put(name, CompletableFuture.supplyAsync(() -> ThreadObservers.forTarget(t)));
    }
    try {
      attaching.forEach((name, f) -> observe(name, f, needed.get(name)));
    } catch (RuntimeException e) {
      // A needed target cannot be seen: the run stops; the others' connections close.
      attaching.forEach(
          (name, f) -> {
            if (!observers.containsKey(name)) {
              f.thenAccept(ThreadObserver::close);
            }
          });
      throw e;
    }
  }

  /**
   * Takes the observer of a target as it attached; {@code neededBy} names the check that cannot do
   * without, or is null.
   */
  private void observe(String name, CompletableFuture<ThreadObserver> attached, String neededBy) {
    try {
      ThreadObserver o = joined(attached);
      observers.put(name, o);
      journal.record("observe", name, "threads seen through " + o.source());
      if (neededBy != null) {
        console.say(
            experiment.name(),
            "preflight: "
                + neededBy
                + " sees the threads of target "
                + name
                + " through "
                + o.source());
      }
    } catch (ObserveException ex) {
      unobservable.put(name, ex.getMessage());
      journal.record("error", name, ex.getMessage());
      console.say(experiment.name(), "cannot observe target " + name + ": " + ex.getMessage());
      if (neededBy != null) {
        // Before load, not as an ERROR after it: the check could never have been judged.
        throw new InfrastructureException(
            neededBy
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

  private static ThreadObserver joined(CompletableFuture<ThreadObserver> attached) {
    try {
      return attached.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private void takeBaselines() {
    for (String target : targets(Observation.THREAD_BASELINE)) {
      try {
        ThreadSnapshot s = observers.get(target).snapshot();
        baselines.put(target, s);
        journal.record("observe", target, "baseline before load: " + s.size() + " threads");
      } catch (ObserveException ex) {
        journal.record("error", target, "no baseline of threads: " + ex.getMessage());
      }
    }
  }

  /** When load starts: deadlock watches, censuses, and the live-thread sampler for the timeline. */
  void loadStarted() {
    for (String target : targets(Observation.DEADLOCK_WATCH)) {
      if (!watches.containsKey(target)) {
        watches.put(target, DeadlockWatch.start(target, observers.get(target), DEADLOCK_INTERVAL));
      }
    }
    Optional<ThreadObserver> first = observers.values().stream().findFirst();
    if (first.isPresent()) {
      sampler = Executors.newSingleThreadScheduledExecutor(ThreadWatch::samplerThread);
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
    for (String target : targets(Observation.THREAD_CENSUS)) {
      if (censuses.containsKey(target)) {
        continue;
      }
      List<ThreadCensus> list = new CopyOnWriteArrayList<>();
      censuses.put(target, list);
      ThreadObserver o = observers.get(target);
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

  private static Thread samplerThread(Runnable sampling) {
    Thread sampler = new Thread(sampling, "faultline-thread-count");
    sampler.setDaemon(true);
    return sampler;
  }

  /** After load and rollback: stops the watches and the sampler. */
  void loadEnded() {
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
    Map<Integer, Integer> bySecond = new HashMap<>();
    new TreeMap<>(threadCounts)
        .forEach(
            (millis, n) -> {
              long s = Math.floorDiv(millis - origin.toEpochMilli(), 1000);
              if (s >= 0 && s <= Integer.MAX_VALUE) {
                bySecond.put((int) s, n);
              }
            });
    return s -> bySecond.getOrDefault(s, -1);
  }

  /**
   * The observer of a target's threads; throws {@link ObserveException} saying why there is none.
   */
  ThreadObserver observer(String target) {
    ThreadObserver o = observers.get(target);
    if (o == null) {
      throw new ObserveException(
          unobservable.getOrDefault(target, "the run observes no threads of target " + target));
    }
    return o;
  }

  /** The observers attached, by target. */
  Map<String, ThreadObserver> observers() {
    return Map.copyOf(observers);
  }

  Optional<ThreadSnapshot> baseline(String target) {
    return Optional.ofNullable(baselines.get(target));
  }

  List<ThreadCensus> censuses(String target) {
    return List.copyOf(censuses.getOrDefault(target, List.of()));
  }

  Optional<DeadlockWatch.Findings> deadlocksDuringLoad(String target) {
    return Optional.ofNullable(findings.get(target));
  }

  @Override
  public void close() {
    loadEnded();
    observers.values().forEach(ThreadObserver::close);
    observers.clear();
  }
}
