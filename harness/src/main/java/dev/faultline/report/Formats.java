package dev.faultline.report;

import dev.faultline.profile.Figures;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers, durations and instants read in every report, so that all of them agree. */
final class Formats {

  private static final DateTimeFormatter WALL_CLOCK =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private Formats() {}

  /** "850 ms", "12.3 s", "2 min 05 s"; "—" when unknown. */
  static String duration(Duration duration) {
    return duration == null || duration.isNegative() ? "—" : Figures.duration(duration);
  }

  /**
   * Milliseconds with the precision a reader can use: "0.42 ms", "12.3 ms", "812 ms"; "—" when
   * unknown.
   */
  static String millis(double millis) {
    if (!Double.isFinite(millis) || millis < 0) {
      return "—";
    }
    if (millis < 1) {
      return String.format(Locale.ROOT, "%.2f ms", millis);
    }
    if (millis < 100) {
      return String.format(Locale.ROOT, "%.1f ms", millis);
    }
    return String.format(Locale.ROOT, "%.0f ms", millis);
  }

  /** A rate with one decimal, "—" when unknown. */
  static String rate(double perSecond) {
    return Double.isFinite(perSecond) ? String.format(Locale.ROOT, "%.1f", perSecond) : "—";
  }

  /** A count with thousands separators, independent of the machine's locale. */
  static String count(long count) {
    return String.format(Locale.ROOT, "%,d", count);
  }

  /** An instant as a person reads it, in UTC so that reports from different machines agree. */
  static String wallClock(Instant instant) {
    return instant == null ? "—" : WALL_CLOCK.format(instant);
  }

  /**
   * Seconds, signed, relative to an origin: "+12.345 s"; the instant itself when there is no
   * origin.
   */
  static String offset(Instant origin, Instant at) {
    if (at == null) {
      return "—";
    }
    if (origin == null) {
      return wallClock(at);
    }
    double seconds = Duration.between(origin, at).toMillis() / 1000.0;
    return String.format(Locale.ROOT, "%+.3f s", seconds);
  }

  /** Seconds with three decimals and no grouping, as JUnit XML readers expect. */
  static String junitSeconds(Duration duration) {
    double seconds = duration == null || duration.isNegative() ? 0 : duration.toMillis() / 1000.0;
    return String.format(Locale.ROOT, "%.3f", seconds);
  }

  /** The run's wall time, or null when it has no start or end. */
  static Duration wallTime(RunRecord run) {
    return run.started() == null || run.finished() == null ? null : run.wallTime();
  }

  static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  static String orDash(String text) {
    return isBlank(text) ? "—" : text;
  }
}
