package dev.faultline.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The shape of journal.json, version {@value #SCHEMA_VERSION}: what {@code journal.schema.json}
 * describes, field for field. Instants are ISO-8601 strings in UTC, durations ISO-8601 durations,
 * latencies milliseconds (null when unknown, see {@link JournalNumbers}); the steps and the
 * timeline are {@link StepSummary} and {@link TimelinePoint} as they are. Fields whose name ends in
 * Millis or Offset are derived for the convenience of other tools; the reader ignores them.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
  "schemaVersion",
  "runId",
  "experiment",
  "description",
  "expect",
  "caughtBy",
  "experimentFile",
  "seed",
  "started",
  "finished",
  "wallTimeMillis",
  "verdict",
  "verdictSentence",
  "error",
  "checks",
  "load",
  "timeline",
  "faults",
  "events",
  "environment",
  "artifacts",
  "yaml"
})
record JournalDocument(
    int schemaVersion,
    String runId,
    String experiment,
    String description,
    String expect,
    List<String> caughtBy,
    String experimentFile,
    long seed,
    String started,
    String finished,
    Long wallTimeMillis,
    String verdict,
    String verdictSentence,
    String error,
    List<Check> checks,
    Load load,
    List<TimelinePoint> timeline,
    List<Fault> faults,
    List<Event> events,
    Map<String, String> environment,
    Map<String, String> artifacts,
    String yaml) {

  static final int SCHEMA_VERSION = 1;

  record Check(
      String name,
      String kind,
      String status,
      String measured,
      String bound,
      String observed,
      List<String> evidence) {}

  record Load(String started, String declared, Totals totals, List<StepSummary> steps) {}

  record Totals(long requests, long ok, long failed, long indeterminate) {}

  record Fault(
      String name,
      String kind,
      String description,
      String on,
      String off,
      Long onOffsetMillis,
      Long offOffsetMillis) {}

  record Event(
      String at,
      Long offsetMillis,
      String type,
      String name,
      String message,
      Map<String, String> data) {}
}
