package dev.faultline.run;

import dev.faultline.profile.Figures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a run's time went beyond its declared load: the phases from the run's start to its targets'
 * teardown. Each instant is null when the run did not get that far (then the phases after it are
 * left out). Immutable.
 *
 * @param started the run began (before Gatling's fork and the targets started)
 * @param loadRequested targets healthy and observed, counters read: the plan handed to Gatling
 * @param firstRequest Gatling's first request
 * @param loadEnded every request ended, its outcome read
 * @param checksEnded every check judged
 * @param tornDown faults rolled back, targets and proxies stopped, Gatling's fork ended
 * @param declared the load as declared: warm-up, ramp and duration
 */
record RunTimings(
    Instant started,
    Instant loadRequested,
    Instant firstRequest,
    Instant loadEnded,
    Instant checksEnded,
    Instant tornDown,
    Duration declared) {

  /** The phases, in order, as name and duration; a phase whose ends are unknown is left out. */
  Map<String, Duration> phases() {
    Map<String, Duration> phases = new LinkedHashMap<>();
    put(phases, "start", started, loadRequested != null ? loadRequested : tornDown);
    put(phases, "first request", loadRequested, firstRequest);
    if (firstRequest != null && loadEnded != null) {
      Duration load = Duration.between(firstRequest, loadEnded);
      Duration tail = load.minus(declared);
      phases.put("load", load.compareTo(declared) < 0 ? load : declared);
      phases.put("tail", tail.isNegative() ? Duration.ZERO : tail);
    }
    put(phases, "checks", loadEnded, checksEnded);
    put(phases, "teardown", checksEnded != null ? checksEnded : loadEnded, tornDown);
    return phases;
  }

  /** Wall time beyond the declared load, up to the last known instant. */
  Duration overhead() {
    Duration all = Duration.ZERO;
    for (Map.Entry<String, Duration> p : phases().entrySet()) {
      if (!p.getKey().equals("load")) {
        all = all.plus(p.getValue());
      }
    }
    return all;
  }

  /** "overhead 3.1 s beyond the 6 s declared: start 2.3 s, first request 0.15 s, …". */
  String describe() {
    List<String> parts = new ArrayList<>();
    phases()
        .forEach(
            (name, d) -> {
              if (!name.equals("load")) {
                parts.add(name + " " + Figures.duration(d));
              }
            });
    return "overhead "
        + Figures.duration(overhead())
        + " beyond the "
        + Figures.duration(declared)
        + " of load declared: "
        + String.join(", ", parts);
  }

  /** Each phase in milliseconds, for the journal. */
  Map<String, String> fields() {
    Map<String, String> fields = new LinkedHashMap<>();
    phases().forEach((name, d) -> fields.put(name.replace(' ', '-') + "-ms", millis(d)));
    fields.put("overhead-ms", millis(overhead()));
    fields.put("declared-ms", millis(declared));
    return fields;
  }

  private static String millis(Duration d) {
    return Long.toString(d.toMillis());
  }

  private static void put(Map<String, Duration> phases, String name, Instant from, Instant to) {
    if (from != null && to != null) {
      phases.put(name, Duration.between(from, to));
    }
  }
}
