package dev.faultline.profile;

import java.util.Arrays;

/** How a frame reads on a box and in a table: without its package. */
final class FrameLabels {

  private FrameLabels() {}

  /**
   * "dev.faultline.builtin.counter.LockedCounter.increment" reads "LockedCounter.increment": the
   * package is every leading segment that starts with a lower-case letter, except the method. A
   * frame whose every segment is lower case keeps its last two.
   */
  static String shortName(String frame) {
    String[] segments = frame.split("\\.", -1);
    if (segments.length <= 2) {
      return frame;
    }
    int start = 0;
    while (start < segments.length - 1 && startsLowerCase(segments[start])) {
      start++;
    }
    if (start == segments.length - 1) {
      start = segments.length - 2;
    }
    return String.join(".", Arrays.copyOfRange(segments, start, segments.length));
  }

  private static boolean startsLowerCase(String segment) {
    return !segment.isEmpty() && Character.isLowerCase(segment.charAt(0));
  }
}
