package dev.faultline.launch;

import java.util.Set;

/**
 * Judges the answers of a target's health path while it starts. A closed port (0) and "not yet"
 * answers (503 while starting, 500, 502) are waited out; an answer that will not change once the
 * service listens (404, 405, 401, 403, 400, 410, 501), given three polls in a row, fails the start
 * at once with the fix, instead of after the whole startup timeout. Not thread-safe: one start.
 */
final class HealthAnswers {

  /** Statuses a service gives for a path it does not serve, or will not serve to Faultline. */
  static final Set<Integer> FINAL = Set.of(400, 401, 403, 404, 405, 410, 501);

  private static final int POLLS_BEFORE_FAILING = 3;

  private final String target;
  private final String path;
  private int last;
  private int repeats;

  HealthAnswers(String target, String path) {
    this.target = target;
    this.path = path;
  }

  /** Whether {@code status} says healthy; throws when it says the health path is wrong. */
  boolean healthy(int status) {
    repeats = status == last ? repeats + 1 : 1;
    last = status;
    if (FINAL.contains(status) && repeats >= POLLS_BEFORE_FAILING) {
      throw new TargetStartException(target, failure(path, status));
    }
    return status / 100 == 2;
  }

  /** The fix for a health path answered with a status that will not change. */
  static String failure(String path, int status) {
    String why =
        status == 401 || status == 403 ? " (it asks for credentials Faultline does not send)" : "";
    return "GET "
        + path
        + " answered "
        + status
        + why
        + ": set `health:` to a path your service answers 2xx on";
  }

  /** The last answer, for a timeout's message. */
  String lastAnswer() {
    return last == 0
        ? " (nothing answered on its port)"
        : " (GET " + path + " last answered " + last + ")";
  }
}
