package dev.faultline.run;

import dev.faultline.InfrastructureException;
import dev.faultline.experiment.CheckSpec;
import dev.faultline.experiment.CheckSpec.Observation;
import dev.faultline.experiment.Experiment;
import dev.faultline.observe.ThreadObserver;
import dev.faultline.profile.Figures;
import dev.faultline.profile.ProfileException;
import dev.faultline.profile.ProfileReader;
import dev.faultline.profile.ProfileWindow;
import dev.faultline.profile.TargetProfile;
import dev.faultline.profile.TargetRecording;
import dev.faultline.profile.WindowProfile;
import dev.faultline.report.FaultWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A JDK Flight Recorder recording of every target whose JVM the run is attached to, from before
 * load to after rollback, saved as {@code <run>/<target>.jfr} and read per window ({@link
 * ProfileReader#windows}) for the lock-contention check, the report and the journal. On by default;
 * {@code FAULTLINE_PROFILE=off} (or {@code -Dfaultline.profile=off}) records only the targets a
 * lock-contention check reads. Thread-safe once the load ended.
 */
final class Profiles implements AutoCloseable {

  private static final Duration CLOSE_BOUND = Duration.ofSeconds(5);
  private static final Duration START_BOUND = Duration.ofSeconds(20);

  private final Path folder;
  private final RunJournal journal;
  private final Map<String, String> needed;
  private final boolean live;
  private final Map<String, String> addressNames;
  private final Map<String, CompletableFuture<TargetRecording>> starting = new LinkedHashMap<>();
  private final Map<String, TargetRecording> recordings = new LinkedHashMap<>();
  private final Map<String, String> unrecorded = new LinkedHashMap<>();
  private final Map<String, CompletableFuture<Path>> saves = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<TargetProfile>> reads = new ConcurrentHashMap<>();
  private Supplier<List<FaultWindow>> faults = List::of;
  private volatile Instant loadStarted;
  private volatile Instant loadEnded;

  private Profiles(
      Path folder,
      RunJournal journal,
      Map<String, String> needed,
      Map<String, String> names,
      boolean live) {
    this.addressNames = names;
    this.live = live;
    this.folder = folder;
    this.journal = journal;
    this.needed = needed;
  }

  /** Whether every target is recorded, or only those a lock-contention check reads. */
  static boolean everyTarget() {
    String setting = System.getProperty("faultline.profile", System.getenv("FAULTLINE_PROFILE"));
    return setting == null || !setting.trim().equalsIgnoreCase("off");
  }

  /** The targets a check cannot be judged without a recording of. */
  static Map<String, String> needed(Experiment experiment) {
    Map<String, String> needed = new LinkedHashMap<>();
    for (CheckSpec c : experiment.checks()) {
      if (c.observes().contains(Observation.PROFILE)) {
        needed.putIfAbsent(c.target(), c.name());
      }
    }
    return needed;
  }

  /**
   * Starts a recording of each observed target that has a JMX connection, in the background (a
   * first recording costs the target about a second); {@link #loadStarted} waits for them.
   */
  static Profiles start(
      Experiment experiment,
      Map<String, ThreadObserver> observers,
      Map<String, String> addressNames,
      Path folder,
      RunJournal journal,
      boolean live) {
    Profiles p = new Profiles(folder, journal, needed(experiment), addressNames, live);
    boolean every = everyTarget();
    observers.forEach(
        (target, observer) -> {
          if (every || p.needed.containsKey(target)) {
            p.starting.put(target, p.startInBackground(target, observer));
          }
        });
    return p;
  }

  private CompletableFuture<TargetRecording> startInBackground(
      String target, ThreadObserver observer) {
    if (observer.mbeans().isEmpty()) {
      return CompletableFuture.failedFuture(
          new ProfileException("it is seen through " + observer.source() + ", not JMX"));
    }
    CompletableFuture<TargetRecording> f = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                f.complete(TargetRecording.start(target, observer.mbeans().get(), live));
              } catch (RuntimeException e) {
                f.completeExceptionally(e);
              }
            },
            "faultline-jfr-start-" + target);
    t.setDaemon(true);
    t.start();
    return f;
  }

  /**
   * Waits for the recordings to start; throws {@link InfrastructureException} before load when a
   * check needs one that cannot be had.
   */
  private void awaitStarted() {
    starting.forEach(
        (target, f) -> {
          try {
            recordings.put(target, f.get(START_BOUND.toSeconds(), TimeUnit.SECONDS));
            journal.record(
                "observe",
                target,
                "recording with JDK Flight Recorder to " + file(target).getFileName());
          } catch (ExecutionException e) {
            unrecorded.put(target, e.getCause().getMessage());
            journal.record("observe", target, "not recorded: " + e.getCause().getMessage());
          } catch (TimeoutException e) {
            f.thenAccept(TargetRecording::close);
            unrecorded.put(
                target, "its recording did not start within " + START_BOUND.toSeconds() + " s");
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("interrupted while starting the recordings", e);
          }
        });
    starting.clear();
    for (Map.Entry<String, String> n : needed.entrySet()) {
      if (!recordings.containsKey(n.getKey())) {
        throw new InfrastructureException(
            n.getValue()
                + " reads a JDK Flight Recorder recording of target "
                + n.getKey()
                + ", and it cannot be made (checked before load; nothing was sent): "
                + unrecorded.getOrDefault(n.getKey(), "its JVM is not attached over JMX")
                + "; fix: let Faultline start the target (builtin, jar or command), or run it on"
                + " this machine as the same user so the Attach API reaches it");
      }
    }
  }

  /** The recordings, by target, for the game day's live view. */
  Map<String, TargetRecording> recordings() {
    return Map.copyOf(recordings);
  }

  /** When load starts: waits for the recordings to have started, then opens the first window. */
  void loadStarted(Supplier<List<FaultWindow>> windows) {
    awaitStarted();
    this.faults = windows;
    this.loadStarted = Instant.now();
  }

  /**
   * After load and rollback: saves every recording and reads it per window, in the background,
   * while the checks run and the targets stop.
   */
  void loadEnded() {
    if (loadEnded != null) {
      return;
    }
    loadEnded = Instant.now();
    recordings.forEach(
        (target, r) -> {
          saves.put(target, r.saveTo(file(target)));
          CompletableFuture<TargetProfile> reading = new CompletableFuture<>();
          reads.put(target, reading);
          daemon(() -> readInto(target, reading), "faultline-jfr-read-" + target);
        });
  }

  private void readInto(String target, CompletableFuture<TargetProfile> reading) {
    try {
      reading.complete(readNow(target));
    } catch (RuntimeException e) {
      reading.completeExceptionally(e);
    }
  }

  private Path file(String target) {
    return folder.resolve(target + ".jfr");
  }

  /** The target's recording read per window; throws {@link ProfileException} saying why not. */
  TargetProfile profile(String target) {
    if (!saves.containsKey(target)) {
      throw new ProfileException(
          "the run has no recording of target "
              + target
              + ": "
              + unrecorded.getOrDefault(
                  target, loadEnded == null ? "the load has not ended" : "it was not recorded"));
    }
    try {
      return reads.get(target).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof ProfileException p
          ? p
          : new ProfileException("the recording could not be read: " + e.getCause(), e.getCause());
    }
  }

  private TargetProfile readNow(String target) {
    Path saved = TargetRecording.await(saves.get(target));
    List<ProfileWindow> faultSpans = new ArrayList<>();
    for (FaultWindow f : faults.get()) {
      if (f.on() != null) {
        faultSpans.add(new ProfileWindow(f.name(), f.on(), f.off() == null ? loadEnded : f.off()));
      }
    }
    TargetProfile p =
        ProfileReader.read(
            target, saved, ProfileReader.windows(loadStarted, loadEnded, faultSpans), addressNames);
    for (WindowProfile w : p.windows()) {
      journal.record("profile", target, summary(w), data(w));
    }
    return p;
  }

  private static String summary(WindowProfile w) {
    return w.window().name()
        + ": "
        + w.topLock().map(Figures::describe).orElse("no wait for a lock above 10 ms")
        + w.sockets().stream()
            .findFirst()
            .map(s -> "; slowest reads from " + Figures.describe(s))
            .orElse("");
  }

  private static Map<String, String> data(WindowProfile w) {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("window", w.window().name());
    d.put("from", w.window().from().toString());
    d.put("to", w.window().to().toString());
    w.topLock()
        .ifPresent(
            l -> {
              d.put("topLock", l.lock());
              d.put("topLockBlockedMillis", String.valueOf(l.blocked().toMillis()));
              d.put("topLockThreads", String.valueOf(l.threads()));
            });
    d.put("cpuSamples", String.valueOf(w.cpuSamples()));
    d.put("gcPauses", String.valueOf(w.gc().count()));
    return d;
  }

  /** Every recorded target's profile, those that could not be read left out (journalled). */
  List<TargetProfile> all() {
    List<TargetProfile> out = new ArrayList<>();
    for (String target : recordings.keySet()) {
      if (!saves.containsKey(target)) {
        continue;
      }
      try {
        out.add(profile(target));
      } catch (ProfileException e) {
        journal.record("observe", target, "no profile: " + e.getMessage());
      }
    }
    return out;
  }

  /**
   * Waits (bounded) for the saves still running, then stops the recordings; a paused or dead target
   * cannot hold the teardown up.
   */
  @Override
  public void close() {
    starting.values().forEach(f -> f.thenAccept(TargetRecording::close));
    saves.values().forEach(s -> s.exceptionally(e -> null).join());
    List<Thread> closing = new ArrayList<>();
    recordings.values().forEach(r -> closing.add(daemon(r::close, "faultline-jfr-close")));
    for (Thread t : closing) {
      try {
        t.join(CLOSE_BOUND.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
    return t;
  }
}
