package dev.faultline.experiment;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A request rate such as {@code 200/s} or {@code 600/m}, held as requests per second. */
@Scalar(pattern = "^[0-9]+(\\.[0-9]+)?/(s|m)$", example = "200/s")
public record Rate(double perSecond) {

  private static final Pattern FORMAT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)/(s|m)");

  public Rate {
    if (!(perSecond > 0)) {
      throw new IllegalArgumentException("a rate must be above 0/s, got " + perSecond);
    }
    if (perSecond > Limits.MAX_RATE_PER_SECOND) {
      throw new IllegalArgumentException(
          "a rate is at most "
              + (long) Limits.MAX_RATE_PER_SECOND
              + "/s (per load step), got "
              + describe(perSecond)
              + "/s");
    }
  }

  /** Parses {@code <number>/s} or {@code <number>/m}. */
  public static Rate parse(String text) {
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "\""
              + text
              + "\" is not a rate: write digits then /s or /m, at most "
              + (long) Limits.MAX_RATE_PER_SECOND
              + "/s");
    }
    double n = Double.parseDouble(m.group(1));
    return new Rate(m.group(2).equals("s") ? n : n / 60.0);
  }

  @Override
  public String toString() {
    return describe(perSecond) + "/s";
  }

  private static String describe(double perSecond) {
    return perSecond == Math.rint(perSecond) && perSecond < 1e15
        ? String.valueOf((long) perSecond)
        : String.valueOf(perSecond);
  }
}
