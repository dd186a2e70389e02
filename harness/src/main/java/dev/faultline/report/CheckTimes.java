package dev.faultline.report;

import dev.faultline.check.CheckResult;
import java.time.Duration;

/**
 * How long a check took. The lifecycle records it on the check's journal event (type {@code check},
 * name = the check's name) as {@code data.elapsedMillis}; a check without one took zero.
 */
final class CheckTimes {

  static final String ELAPSED_MILLIS = "elapsedMillis";

  private CheckTimes() {}

  static Duration of(RunRecord run, CheckResult check) {
    return run.events().stream()
        .filter(event -> "check".equals(event.type()) && check.name().equals(event.name()))
        .map(event -> event.data().get(ELAPSED_MILLIS))
        .filter(value -> value != null && value.matches("\\d{1,15}"))
        .map(value -> Duration.ofMillis(Long.parseLong(value)))
        .reduce((first, last) -> last)
        .orElse(Duration.ZERO);
  }
}
