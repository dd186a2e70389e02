package dev.faultline.check;

import dev.faultline.load.RequestOutcome;
import java.util.List;
import java.util.Optional;

/**
 * Which of a step's requests a latency or error check judges, and how to say so: every one, those
 * that started while a fault was on (the rule timeouts-fire uses), or those that ran clear of every
 * fault window — a request still in flight when a fault went on, or started before one went off, is
 * not "outside". Pure and thread-safe.
 */
public final class RequestScope {

  /**
   * The requests chosen and what they are, in words; or why none could be chosen ({@code error} not
   * null).
   */
  record Selection(List<RequestOutcome> requests, String words, String error) {}

  private RequestScope() {}

  /**
   * A step's measured requests, narrowed to a fault ({@code during}) or to the time clear of every
   * fault.
   */
  static Selection select(CheckContext context, String load, String during, boolean outsideFaults) {
    List<RequestOutcome> requests = context.outcomes(load);
    String words = "requests of step " + load;
    if (during != null) {
      Optional<CheckContext.Window> w = context.faultWindow(during);
      if (w.isEmpty()) {
        return new Selection(
            List.of(),
            words,
            "fault " + during + " was never switched on, so no request ran under it");
      }
      return new Selection(
          during(requests, w.get()), words + " that started while " + during + " was on", null);
    }
    if (outsideFaults) {
      return new Selection(
          outside(requests, context.faultWindows()),
          words + " that ran while no fault was on",
          null);
    }
    return new Selection(requests, words, null);
  }

  /**
   * The result of a latency or error check whose scope holds no request: an error, since the bound
   * was never put to the test.
   */
  static CheckResult noRequests(
      String name, String kind, String measured, String bound, String scope) {
    return new CheckResult(
        name,
        kind,
        CheckStatus.ERROR,
        measured,
        bound,
        "no requests",
        List.of(
            "no requests to judge: "
                + scope
                + " — none were sent, so the bound was never put to the test"));
  }

  /** The requests that started while {@code window} was on; an open window lasts to the end. */
  public static List<RequestOutcome> during(
      List<RequestOutcome> requests, CheckContext.Window window) {
    long on = window.on().toEpochMilli();
    long off = window.off() == null ? Long.MAX_VALUE : window.off().toEpochMilli();
    return requests.stream().filter(r -> r.startMillis() >= on && r.startMillis() < off).toList();
  }

  /** The requests whose whole life, start to end, overlaps no fault window. */
  public static List<RequestOutcome> outside(
      List<RequestOutcome> requests, List<CheckContext.Window> windows) {
    return requests.stream().filter(r -> windows.stream().noneMatch(w -> overlaps(r, w))).toList();
  }

  private static boolean overlaps(RequestOutcome r, CheckContext.Window w) {
    long on = w.on().toEpochMilli();
    long off = w.off() == null ? Long.MAX_VALUE : w.off().toEpochMilli();
    return r.startMillis() < off && r.endMillis() >= on;
  }
}
