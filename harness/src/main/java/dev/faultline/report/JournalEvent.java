package dev.faultline.report;

import java.time.Instant;
import java.util.Map;

/**
 * One thing that happened during a run, in order: a phase began or ended, a target came up, a fault
 * switched on or off, a check finished, a person pressed a button or wrote a note.
 *
 * @param at when it happened
 * @param type phase | target | fault | check | load | action | note | error
 * @param name what it concerns (phase, target, fault or check name)
 * @param message one readable sentence
 * @param data details for machines (string values)
 */
public record JournalEvent(
    Instant at, String type, String name, String message, Map<String, String> data) {

  public JournalEvent {
    data = data == null ? Map.of() : Map.copyOf(data);
  }
}
