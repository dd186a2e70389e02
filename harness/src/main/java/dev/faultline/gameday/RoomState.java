package dev.faultline.gameday;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.check.CheckResult;
import dev.faultline.experiment.Durations;
import dev.faultline.experiment.Experiment;
import dev.faultline.experiment.FaultSpec;
import dev.faultline.load.Outcome;
import dev.faultline.load.RequestOutcome;
import dev.faultline.profile.TargetRecording;
import dev.faultline.report.FaultWindow;
import dev.faultline.report.JournalEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The room as the page sees it, once a second and after every action: the live figures, each
 * fault's switch and time box, each fault window so far, the checks' latest results, the manual
 * timeline and whether the game day has ended. Rendered as JSON. Immutable.
 */
record RoomState(
    String experiment,
    String description,
    long origin,
    long now,
    boolean ended,
    String endReason,
    String report,
    String toxiproxy,
    Totals load,
    List<LiveFigures.Second> series,
    Map<String, List<LiveFigures.ThreadCount>> threads,
    List<Contention> contention,
    List<FaultState> faults,
    List<Window> windows,
    List<CheckState> checks,
    List<Entry> timeline) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TIMELINE_SHOWN = 200;
  private static final Pattern ISO_DURATION = Pattern.compile("PT[0-9.HMS]+");

  record Totals(long requests, long ok, long failed, long indeterminate) {}

  /**
   * A target's most contended lock over the last {@link #CONTENTION_SPAN}, as its recording streams
   * it; {@code lock} is null when no thread waited for a lock above 10 ms.
   */
  record Contention(
      String target, String lock, long blockedMillis, int threads, int blockedThreads) {}

  /** How far back the live contention looks. */
  static final Duration CONTENTION_SPAN = Duration.ofSeconds(5);

  record FaultState(
      String name,
      String kind,
      String what,
      boolean on,
      long timeBoxMillis,
      Long onSince,
      Long rollsBackAt) {}

  /** A fault window in seconds since origin; {@code to} is null while the fault is on. */
  record Window(String name, double from, Double to) {}

  record CheckState(
      String name,
      String kind,
      boolean running,
      String status,
      String measured,
      String bound,
      String observed,
      List<String> evidence,
      Long ranAt,
      String session) {}

  record Entry(long at, String type, String name, String message, String session) {}

  /** What the page is told, from the parts of a live game day. */
  record Parts(
      Experiment experiment,
      Instant origin,
      Room room,
      LiveFigures figures,
      List<RequestOutcome> outcomes,
      List<String> activeFaults,
      Map<String, Instant> activeSince,
      List<FaultWindow> closedWindows,
      List<JournalEvent> events,
      Map<String, TargetRecording> recordings,
      String endReason,
      String report,
      String toxiproxy) {}

  static RoomState of(Parts p) {
    Instant now = Instant.now();
    long o = p.origin().toEpochMilli();
    List<FaultState> faults = new ArrayList<>();
    Map<String, Instant> deadlines = p.room().deadlines();
    for (FaultSpec f : p.room().faultSpecs().values()) {
      boolean on = p.activeFaults().contains(f.name());
      Instant since = p.activeSince().get(f.name());
      Instant rollsBack = deadlines.get(f.name());
      faults.add(
          new FaultState(
              f.name(),
              f.kind().kindName(),
              what(f),
              on,
              Room.timeBox(f).toMillis(),
              on && since != null ? since.toEpochMilli() : null,
              on && rollsBack != null ? rollsBack.toEpochMilli() : null));
    }
    List<Window> windows = new ArrayList<>();
    for (FaultWindow w : p.closedWindows()) {
      windows.add(
          new Window(w.name(), seconds(w.on(), o), w.off() == null ? null : seconds(w.off(), o)));
    }
    p.activeSince()
        .forEach((name, since) -> windows.add(new Window(name, seconds(since, o), null)));
    List<CheckState> checks = new ArrayList<>();
    Map<String, Room.CheckRun> runs = p.room().lastRuns();
    for (String name : p.room().checkSpecs().keySet()) {
      Room.CheckRun run = runs.get(name);
      CheckResult r = run == null ? null : run.result();
      checks.add(
          new CheckState(
              name,
              p.room().checkSpecs().get(name).kindName(),
              p.room().running().contains(name),
              r == null ? "not run" : r.status().name().toLowerCase(Locale.ROOT),
              r == null ? null : r.measured(),
              r == null ? null : r.bound(),
              r == null ? null : r.observed(),
              r == null ? List.of() : r.evidence(),
              run == null ? null : run.at().toEpochMilli(),
              run == null ? null : run.session()));
    }
    List<Entry> timeline =
        p.events().stream()
            .filter(ev -> isManual(ev) || "fault".equals(ev.type()))
            .map(
                ev ->
                    new Entry(
                        ev.at().toEpochMilli(),
                        ev.type(),
                        ev.name(),
                        ev.message(),
                        ev.data().get("session")))
            .toList();
    if (timeline.size() > TIMELINE_SHOWN) {
      timeline = timeline.subList(timeline.size() - TIMELINE_SHOWN, timeline.size());
    }
    return new RoomState(
        p.experiment().name(),
        p.experiment().description(),
        o,
        now.toEpochMilli(),
        p.endReason() != null,
        p.endReason(),
        p.report(),
        p.toxiproxy(),
        totals(p.outcomes()),
        p.figures().series(p.outcomes(), now),
        p.figures().threads(),
        contention(p.recordings(), now),
        faults,
        windows,
        checks,
        timeline);
  }

  /** Whether a journal event is something a person did (or a time box did for them), or wrote. */
  static boolean isManual(JournalEvent ev) {
    return "action".equals(ev.type()) || "note".equals(ev.type());
  }

  String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the room's state does not serialise: " + e.getMessage(), e);
    }
  }

  private static String what(FaultSpec f) {
    String kind = f.kind().toString();
    String params = kind.substring(kind.indexOf('[') + 1, kind.length() - 1);
    Matcher iso = ISO_DURATION.matcher(params);
    StringBuilder readable = new StringBuilder();
    while (iso.find()) {
      iso.appendReplacement(readable, Durations.format(Duration.parse(iso.group())));
    }
    iso.appendTail(readable);
    return readable + "; time box " + Durations.format(Room.timeBox(f));
  }

  private static List<Contention> contention(Map<String, TargetRecording> recordings, Instant now) {
    List<Contention> out = new ArrayList<>();
    recordings.forEach(
        (target, r) ->
            out.add(
                r.live()
                    .top(now.minus(CONTENTION_SPAN))
                    .map(
                        t ->
                            new Contention(
                                target,
                                t.lock(),
                                t.blocked().toMillis(),
                                t.threads(),
                                t.blockedThreads()))
                    .orElse(new Contention(target, null, 0, 0, 0))));
    return out;
  }

  private static double seconds(Instant at, long origin) {
    return Math.max(0, at.toEpochMilli() - origin) / 1000.0;
  }

  private static Totals totals(List<RequestOutcome> outcomes) {
    long ok = outcomes.stream().filter(r -> r.outcome() == Outcome.OK).count();
    long failed = outcomes.stream().filter(r -> r.outcome() == Outcome.FAILED).count();
    return new Totals(outcomes.size(), ok, failed, outcomes.size() - ok - failed);
  }
}
