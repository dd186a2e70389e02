package dev.faultline.run;

import dev.faultline.report.JournalEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** What happened when, in order. Thread-safe: faults are switched from a scheduler thread. */
public final class RunJournal {

  private final Clock clock;
  private final List<JournalEvent> events = new ArrayList<>();
  private final Consumer<JournalEvent> listener;

  public RunJournal(Clock clock) {
    this(clock, event -> {});
  }

  /** A journal that also tells {@code listener} of each event, after recording it. */
  RunJournal(Clock clock, Consumer<JournalEvent> listener) {
    this.clock = clock;
    this.listener = listener;
  }

  /** Records an event now and returns its time. */
  public Instant record(String type, String name, String message, Map<String, String> data) {
    Instant now = clock.instant();
    JournalEvent event = new JournalEvent(now, type, name, message, data);
    synchronized (events) {
      events.add(event);
    }
    listener.accept(event);
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
