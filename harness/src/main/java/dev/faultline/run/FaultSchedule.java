package dev.faultline.run;

import dev.faultline.experiment.Durations;
import dev.faultline.experiment.FaultSpec;
import dev.faultline.fault.ActiveFault;
import dev.faultline.fault.FaultInjector;
import dev.faultline.process.DaemonThreads;
import dev.faultline.report.FaultWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Switches faults on and off: on a schedule relative to the start of load, or by hand (game day).
 * Whatever switched a fault on, {@link #rollbackAll()} switches every one off. Thread-safe.
 */
public final class FaultSchedule implements AutoCloseable {

  private final Function<FaultSpec, FaultInjector> injectors;
  private final RunJournal journal;
  private final Console console;
  private final String experiment;
  private final ScheduledExecutorService timer =
      DaemonThreads.scheduler("faultline-fault-schedule");
  private final Map<String, ActiveFault> active = new LinkedHashMap<>();
  private final Map<String, Instant> onSince = new LinkedHashMap<>();
  private final Map<String, Instant> switchingSince = new LinkedHashMap<>();
  private final List<FaultWindow> windows = new ArrayList<>();
  private final List<FaultWindow> reach = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  private final Map<String, FaultSpec> specs = new LinkedHashMap<>();

  public FaultSchedule(
      String experiment,
      List<FaultSpec> faults,
      Function<FaultSpec, FaultInjector> injectors,
      RunJournal journal,
      Console console) {
    this.experiment = experiment;
    this.injectors = injectors;
    this.journal = journal;
    this.console = console;
    faults.forEach(f -> specs.put(f.name(), f));
  }

  /**
   * Schedules every fault relative to {@code loadStart}; a fault without {@code for} lasts until
   * {@code loadEnd}.
   */
  public void start(Instant loadStart, Duration loadLength) {
    for (FaultSpec f : specs.values()) {
      // in nanoseconds: whole milliseconds would round the wait down and switch up to 1 ms early
      long onAt = Math.max(0, Duration.between(Instant.now(), loadStart.plus(f.at())).toNanos());
      Duration length = f.window().orElse(loadLength.minus(f.at()));
      // "for" counts from when the fault is actually on: switching some faults on takes a while
      // (an actuator under load), and that must not eat into the window.
      timer.schedule(
          () -> {
            if (switchOn(f.name())) {
              timer.schedule(() -> switchOff(f.name()), length.toMillis(), TimeUnit.MILLISECONDS);
            }
          },
          onAt,
          TimeUnit.NANOSECONDS);
    }
  }

  /**
   * Switches a fault on now; false if it is on already or could not be applied (the journal says
   * why).
   */
  public boolean switchOn(String name) {
    FaultSpec f = specs.get(name);
    synchronized (this) {
      if (f == null || active.containsKey(name)) {
        return false;
      }
      try {
        switchingSince.put(name, Instant.now());
        active.put(name, injectors.apply(f).apply(f));
        Instant now =
            journal.record(
                "fault",
                name,
                "on: " + describe(f),
                Map.of("kind", f.kind().kindName(), "state", "on"));
        onSince.put(name, now);
        console.say(experiment, "fault " + name + " on (" + describe(f) + ")");
        return true;
      } catch (RuntimeException e) {
        errors.add(e.getMessage());
        switchingSince.remove(name);
        journal.record("error", name, "could not switch the fault on: " + e.getMessage());
        console.say(experiment, "fault " + name + " could NOT be applied: " + e.getMessage());
        return false;
      }
    }
  }

  /** Switches a fault off now; false if it was not on. */
  public synchronized boolean switchOff(String name) {
    ActiveFault a = active.remove(name);
    if (a == null) {
      return false;
    }
    FaultSpec f = specs.get(name);
    try {
      a.rollback();
      Map<String, String> data = new LinkedHashMap<>(a.figures());
      data.put("kind", f.kind().kindName());
      data.put("state", "off");
      String measured = a.summary().isEmpty() ? "" : " — " + a.summary();
      Instant now = journal.record("fault", name, "off (rolled back)" + measured, data);
      windows.add(
          new FaultWindow(
              name, f.kind().kindName(), describe(f) + measured, onSince.remove(name), now));
      reach.add(
          new FaultWindow(
              name, f.kind().kindName(), describe(f), switchingSince.remove(name), now));
      console.say(experiment, "fault " + name + " off");
    } catch (RuntimeException e) {
      errors.add(e.getMessage());
      journal.record("error", name, "rollback failed: " + e.getMessage());
      windows.add(
          new FaultWindow(name, f.kind().kindName(), describe(f), onSince.remove(name), null));
      reach.add(
          new FaultWindow(
              name, f.kind().kindName(), describe(f), switchingSince.remove(name), null));
    }
    return true;
  }

  /** Cancels what is scheduled and switches off every fault that is on. */
  public synchronized void rollbackAll() {
    timer.shutdownNow();
    for (String name : List.copyOf(active.keySet())) {
      switchOff(name);
    }
  }

  /** Names of the faults on now. */
  public synchronized List<String> activeFaults() {
    return List.copyOf(active.keySet());
  }

  /** The faults on now, each with when it went on. */
  public synchronized Map<String, Instant> activeSince() {
    return Map.copyOf(onSince);
  }

  /** When each fault was on, so far. */
  public synchronized List<FaultWindow> windows() {
    return List.copyOf(windows);
  }

  /**
   * When each fault could have touched a request: from the moment its switching on began (a SIGKILL
   * strikes before the injector returns) to the end of its rollback. What runs clear of these ran
   * clear of every fault.
   */
  public synchronized List<FaultWindow> reach() {
    return List.copyOf(reach);
  }

  /** Faults that could not be applied or rolled back. */
  public synchronized List<String> errors() {
    return List.copyOf(errors);
  }

  static String describe(FaultSpec f) {
    String kind = f.kind().toString();
    String params = kind.substring(kind.indexOf('[') + 1, kind.length() - 1);
    return f.kind().kindName()
        + " "
        + params
        + ", at "
        + Durations.format(f.at())
        + f.window().map(d -> " for " + Durations.format(d)).orElse(" until load ends");
  }

  @Override
  public void close() {
    rollbackAll();
  }
}
