package dev.faultline.run;

import dev.faultline.report.JournalEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What happened when, in order. Thread-safe: faults are switched from a scheduler thread. */
public final class RunJournal {

  private final Clock clock;
  private final List<JournalEvent> events = new ArrayList<>();

  public RunJournal(Clock clock) {
    this.clock = clock;
  }

  /** Records an event now and returns its time. */
  public Instant record(String type, String name, String message, Map<String, String> data) {
    Instant now = clock.instant();
    synchronized (events) {
      events.add(new JournalEvent(now, type, name, message, data));
    }
    return now;
  }

  public Instant record(String type, String name, String message) {
    return record(type, name, message, Map.of());
  }

  /** A copy of the events so far. */
  public List<JournalEvent> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }
}
