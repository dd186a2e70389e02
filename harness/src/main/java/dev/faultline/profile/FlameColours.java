package dev.faultline.profile;

import java.util.Locale;

/**
 * The fill of a flame graph's box: a warm colour hashed from the frame name, the same in every
 * graph; or, against a baseline, red where the frame's share of the total grew, blue where it
 * shrank, grey where it stayed within {@link #UNCHANGED}, deeper the bigger the change.
 */
final class FlameColours {

  /** A change in share smaller than this (1 percentage point) reads as unchanged. */
  static final double UNCHANGED = 0.01;

  /** A change in share of this much (20 percentage points) or more takes the deepest colour. */
  static final double DEEPEST = 0.20;

  static final String GREY = "#cdcdcd";

  private FlameColours() {}

  /** Reds, oranges and yellows; String.hashCode is fixed by the language, so stable across runs. */
  static String byName(String frame) {
    int hash = frame.hashCode() * 0x9E3779B1;
    hash ^= hash >>> 15;
    int red = 205 + Math.floorMod(hash, 51);
    int green = 80 + Math.floorMod(hash >>> 8, 150);
    int blue = 20 + Math.floorMod(hash >>> 20, 50);
    return hex(red, green, blue);
  }

  /** Shares are fractions of each tree's total. */
  static String byGrowth(double shareBefore, double shareNow) {
    double change = shareNow - shareBefore;
    if (Math.abs(change) < UNCHANGED) {
      return GREY;
    }
    double depth = Math.min(1, (Math.abs(change) - UNCHANGED) / (DEEPEST - UNCHANGED));
    if (change > 0) {
      return hex(mix(245, 220, depth), mix(190, 45, depth), mix(190, 45, depth));
    }
    return hex(mix(190, 80, depth), mix(205, 120, depth), mix(245, 235, depth));
  }

  private static int mix(int light, int deep, double depth) {
    return (int) Math.round(light + (deep - light) * depth);
  }

  private static String hex(int red, int green, int blue) {
    return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
  }
}
