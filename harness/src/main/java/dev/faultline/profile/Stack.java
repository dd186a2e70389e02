package dev.faultline.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * An event's stack as the report shows it: {@code Class.method} frames (the class without its
 * package) for flame graphs, and fully named frames with line numbers for evidence. Immutable.
 */
record Stack(List<String> outermostFirst, List<String> innermostFirst) {

  /** How many frames evidence shows. */
  private static final int EVIDENCE_FRAMES = 12;

  static final Stack NONE = new Stack(List.of("(no stack)"), List.of());

  static Stack of(RecordedStackTrace trace) {
    if (trace == null || trace.getFrames().isEmpty()) {
      return NONE;
    }
    List<String> shortNames = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    for (RecordedFrame f : trace.getFrames()) {
      RecordedMethod m = f.getMethod();
      if (m == null) {
        continue;
      }
      String type = m.getType() == null ? "?" : m.getType().getName();
      shortNames.add(type.substring(type.lastIndexOf('.') + 1) + "." + m.getName());
      if (evidence.size() < EVIDENCE_FRAMES) {
        int line = f.getLineNumber();
        evidence.add(type + "." + m.getName() + (line > 0 ? ":" + line : ""));
      }
    }
    Collections.reverse(shortNames);
    return new Stack(List.copyOf(shortNames), List.copyOf(evidence));
  }
}
