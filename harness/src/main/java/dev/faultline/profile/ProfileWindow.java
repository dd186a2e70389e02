package dev.faultline.profile;

import java.time.Instant;

/**
 * A span of a run a profile is read over: before the first fault, one fault's window, after the
 * rollback.
 */
public record ProfileWindow(String name, Instant from, Instant to) {

  public ProfileWindow {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("window " + name + " ends before it starts");
    }
  }
}
