package dev.faultline.gameday;

import dev.faultline.check.CheckContext;
import dev.faultline.check.CheckResult;
import dev.faultline.experiment.CheckSpec;
import dev.faultline.experiment.Durations;
import dev.faultline.experiment.Experiment;
import dev.faultline.experiment.FaultSpec;
import dev.faultline.process.DaemonThreads;
import dev.faultline.run.Console;
import dev.faultline.run.FaultSchedule;
import dev.faultline.run.RunJournal;
import dev.faultline.run.RunSession;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What people can do in the room: switch a declared fault on (it rolls itself back when its time
 * box runs out) or off, run a check now, write a note, abort. Every action names the browser
 * session that took it and goes into the journal. Thread-safe.
 */
final class Room implements AutoCloseable {

  /** The time box of a fault without {@code for}. */
  static final Duration DEFAULT_TIME_BOX = Duration.ofSeconds(60);

  static final int NOTE_LIMIT = 4000;

  /** A check's latest result, when it ran and for whom. */
  record CheckRun(CheckResult result, Instant at, String session) {}

  /** The answer to an action: whether it did something, and a sentence for the person. */
  record Answer(boolean done, String message) {}

  private final Experiment experiment;
  private final RunSession session;
  private final FaultSchedule faults;
  private final RunJournal journal;
  private final Console console;
  private final Supplier<CheckContext> checkContext;
  private final Consumer<String> abort;
  private final Runnable changed;
  private final Map<String, FaultSpec> specs = new LinkedHashMap<>();
  private final Map<String, CheckSpec> checks = new LinkedHashMap<>();
  private final Map<String, Instant> deadlines = new HashMap<>();
  private final Map<String, Long> generations = new HashMap<>();
  private final Map<String, CheckRun> lastRuns = new ConcurrentHashMap<>();
  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService timeBoxes =
      DaemonThreads.scheduler("faultline-gameday-time-boxes");
  private boolean closed;

  Room(
      RunSession session,
      Supplier<CheckContext> checkContext,
      Consumer<String> abort,
      Runnable changed) {
    this.session = session;
    this.experiment = session.experiment();
    this.faults = session.faults();
    this.journal = session.journal();
    this.console = session.console();
    this.checkContext = checkContext;
    this.abort = abort;
    this.changed = changed;
    experiment.faults().forEach(f -> specs.put(f.name(), f));
    experiment.checks().forEach(c -> checks.put(c.name(), c));
  }

  static Duration timeBox(FaultSpec f) {
    return f.window().filter(d -> !d.isZero()).orElse(DEFAULT_TIME_BOX);
  }

  /** Switches a declared fault on now, for its time box. */
  Answer switchOn(String fault, String session) {
    FaultSpec f = requireFault(fault);
    Answer answer;
    synchronized (this) {
      if (closed) {
        return new Answer(false, "the game day has ended; nothing can be switched on");
      }
      if (!faults.switchOn(fault)) {
        return new Answer(
            false,
            faults.activeFaults().contains(fault)
                ? fault + " is on already"
                : fault + " could not be switched on: " + lastError());
      }
      Duration box = timeBox(f);
      long generation = generations.merge(fault, 1L, Long::sum);
      deadlines.put(fault, Instant.now().plus(box));
      timeBoxes.schedule(
          () -> timeBoxRanOut(fault, generation, box), box.toMillis(), TimeUnit.MILLISECONDS);
      action(fault, "switch-on", session, "switched on by hand, time box " + Durations.format(box));
      answer = new Answer(true, fault + " is on; it rolls itself back in " + Durations.format(box));
    }
    changed.run();
    return answer;
  }

  /** Switches a fault off now. */
  Answer switchOff(String fault, String session) {
    requireFault(fault);
    synchronized (this) {
      deadlines.remove(fault);
      generations.merge(fault, 1L, Long::sum);
      if (!faults.switchOff(fault)) {
        return new Answer(false, fault + " is not on");
      }
      action(fault, "switch-off", session, "switched off by hand (rolled back)");
    }
    changed.run();
    return new Answer(true, fault + " is off");
  }

  private void timeBoxRanOut(String fault, long generation, Duration box) {
    synchronized (this) {
      if (closed || generations.getOrDefault(fault, 0L) != generation) {
        return;
      }
      deadlines.remove(fault);
      if (faults.switchOff(fault)) {
        action(
            fault,
            "time-box",
            "time-box",
            "time box of "
                + Durations.format(box)
                + " ran out: rolled back without anyone pressing anything");
      }
    }
    changed.run();
  }

  /** Runs a check now, against the outcomes so far; blocks until it has a result. */
  CheckRun runCheck(String check, String session) {
    CheckSpec spec = checks.get(check);
    if (spec == null) {
      throw new UnknownName(
          "no check named '" + check + "'; the experiment declares " + checks.keySet());
    }
    action(check, "run-check", session, "check run on demand");
    running.add(check);
    changed.run();
    CheckResult r;
    try {
      r = this.session.evaluate(spec, checkContext, Map.of("session", session));
    } finally {
      running.remove(check);
    }
    CheckRun run = new CheckRun(r, Instant.now(), session);
    lastRuns.put(check, run);
    changed.run();
    return run;
  }

  /** Writes a note into the journal. */
  Answer note(String text, String session) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return new Answer(false, "the note is empty");
    }
    if (t.length() > NOTE_LIMIT) {
      return new Answer(
          false, "a note holds at most " + NOTE_LIMIT + " characters, this one has " + t.length());
    }
    journal.record("note", "session " + session, t, Map.of("session", session));
    console.say(
        experiment.name(),
        "note from session " + session + ": " + t.lines().findFirst().orElse(""));
    changed.run();
    return new Answer(true, "noted");
  }

  /** Ends the game day: every fault rolls back before this returns. */
  Answer abort(String session) {
    action(
        "abort", "abort", session, "ABORT pressed: every fault rolls back, load and targets stop");
    abort.accept("ABORT by session " + session);
    return new Answer(true, "aborted: every fault is rolled back; the report is being written");
  }

  /** When each fault that is on rolls itself back. */
  synchronized Map<String, Instant> deadlines() {
    return Map.copyOf(deadlines);
  }

  Map<String, CheckRun> lastRuns() {
    return Map.copyOf(lastRuns);
  }

  Set<String> running() {
    return Set.copyOf(running);
  }

  Map<String, FaultSpec> faultSpecs() {
    return specs;
  }

  Map<String, CheckSpec> checkSpecs() {
    return checks;
  }

  private FaultSpec requireFault(String fault) {
    FaultSpec f = specs.get(fault);
    if (f == null) {
      throw new UnknownName(
          "no fault named '" + fault + "'; the experiment declares " + specs.keySet());
    }
    return f;
  }

  private String lastError() {
    List<String> errors = faults.errors();
    return errors.isEmpty() ? "see the journal" : errors.get(errors.size() - 1);
  }

  private void action(String name, String action, String session, String message) {
    journal.record("action", name, message, Map.of("action", action, "session", session));
    console.say(experiment.name(), name + ": " + message + " (session " + session + ")");
  }

  /**
   * Cancels every time box and rolls every fault back; nothing can be switched on after.
   * Idempotent.
   */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      deadlines.clear();
      timeBoxes.shutdownNow();
    }
    faults.rollbackAll();
    changed.run();
  }

  /** A fault or check name the experiment does not declare. */
  static final class UnknownName extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnknownName(String message) {
      super(message);
    }
  }
}
