package dev.faultline.experiment;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as experiments write them: {@code 150us}, {@code 500ms}, {@code 2s}, {@code 1.5m},
 * {@code 1h}.
 */
public final class Durations {

  /** The JSON Schema pattern of a duration. */
  public static final String PATTERN = "^[0-9]+(\\.[0-9]+)?(us|ms|s|m|h)$";

  private static final Pattern FORMAT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(us|ms|s|m|h)");

  private Durations() {}

  /**
   * Parses a duration of at most {@link Limits#MAX_BUDGET}, or throws {@link
   * IllegalArgumentException} saying why.
   */
  public static Duration parse(String text) {
    return parse(text, Limits.MAX_BUDGET);
  }

  /**
   * Parses a duration of at most {@code longest}, or throws {@link IllegalArgumentException} saying
   * why; the bound is compared before a {@link Duration} is made, so no value overflows.
   */
  public static Duration parse(String text, Duration longest) {
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("\"" + text + "\" is not a duration");
    }
    double n = Double.parseDouble(m.group(1));
    double nanosPerUnit =
        switch (m.group(2)) {
          case "us" -> 1e3;
          case "ms" -> 1e6;
          case "s" -> 1e9;
          case "m" -> 60e9;
          default -> 3600e9;
        };
    if (n * nanosPerUnit > longest.toNanos()) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is too long: at most " + format(longest));
    }
    return Duration.ofNanos(Math.round(n * nanosPerUnit));
  }

  /** Formats a duration the way experiments write it, in the largest unit that keeps it exact. */
  public static String format(Duration d) {
    long nanos = d.toNanos();
    if (nanos == 0) {
      return "0s";
    }
    if (nanos % 3_600_000_000_000L == 0) {
      return nanos / 3_600_000_000_000L + "h";
    }
    if (nanos % 60_000_000_000L == 0) {
      return nanos / 60_000_000_000L + "m";
    }
    if (nanos % 1_000_000_000L == 0) {
      return nanos / 1_000_000_000L + "s";
    }
    if (nanos % 1_000_000L == 0) {
      return nanos / 1_000_000L + "ms";
    }
    return nanos / 1_000L + "us";
  }
}
