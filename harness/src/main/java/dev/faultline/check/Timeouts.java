package dev.faultline.check;

import dev.faultline.load.Outcome;
import dev.faultline.load.RequestOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The judgement of timeouts-fire, free of I/O: every request considered ended (answered or failed)
 * within deadline + tolerance — one without an answer (it hung until the load's own request
 * timeout, or was still in flight) is a failure, never a pass — and, when the target's timeout
 * counter is read, it moved.
 */
final class Timeouts {

  /** The target's timeout counter before and after load, and where it was read. */
  public record CounterMove(String where, long before, long after) {}

  private static final int SHOWN = Deadlocks.SHOWN;

  private Timeouts() {}

  /**
   * @param requests the requests considered (already narrowed to the fault window, if any)
   * @param scope which requests these are, in words, e.g. "requests of step aggregate that started
   *     while slow-downstream was on"
   * @param counter the counter's move; null when the check reads no counter
   */
  public static CheckResult judge(
      String name,
      String target,
      List<RequestOutcome> requests,
      String scope,
      Duration deadline,
      Duration tolerance,
      CounterMove counter) {
    long limitMicros = deadline.plus(tolerance).toNanos() / 1000;
    // A gateway's 502 / 504 is INDETERMINATE but answered: judged on time or late, never hung.
    List<RequestOutcome> hung =
        requests.stream()
            .filter(Timeouts::unanswered)
            .sorted(Comparator.comparingLong(RequestOutcome::latencyMicros).reversed())
            .toList();
    List<RequestOutcome> late =
        requests.stream()
            .filter(r -> !unanswered(r) && r.latencyMicros() > limitMicros)
            .sorted(Comparator.comparingLong(RequestOutcome::latencyMicros).reversed())
            .toList();
    long onTime = requests.size() - hung.size() - late.size();
    List<String> evidence = new ArrayList<>();
    boolean holds = !requests.isEmpty() && hung.isEmpty() && late.isEmpty();
    if (requests.isEmpty()) {
      evidence.add(
          "no requests to judge: "
              + scope
              + " — none were sent, so the deadline was never put to the test");
    }
    if (!late.isEmpty() || !hung.isEmpty()) {
      evidence.add(
          late.size()
              + " late and "
              + hung.size()
              + " hung of "
              + requests.size()
              + " "
              + scope
              + " (limit "
              + limitMicros / 1000
              + " ms)");
    }
    evidence.addAll(
        Deadlocks.slowest(
            late,
            r ->
                "late: "
                    + r.opId()
                    + " ended "
                    + r.outcome()
                    + (r.status() > 0 ? " (HTTP " + r.status() + ")" : "")
                    + " after "
                    + Deadlocks.millis(r.latencyMicros())));
    evidence.addAll(
        Deadlocks.slowest(hung, r -> "hung: " + r.opId() + " " + Deadlocks.noAnswerAfter(r)));
    if (late.size() > SHOWN || hung.size() > SHOWN) {
      evidence.add("… and more (only the " + SHOWN + " slowest of each are listed)");
    }
    String counterText = "";
    if (counter != null) {
      long moved = counter.after() - counter.before();
      counterText = ", timeout counter " + counter.before() + " → " + counter.after();
      if (moved <= 0) {
        holds = false;
        evidence.add(
            "the target's timeout counter "
                + counter.where()
                + " did not move during the run ("
                + counter.before()
                + " before load, "
                + counter.after()
                + " after): no deadline fired");
      } else {
        evidence.add(
            "the target's timeout counter "
                + counter.where()
                + " moved by "
                + moved
                + " ("
                + counter.before()
                + " → "
                + counter.after()
                + ")");
      }
    }
    if (holds) {
      long slowest = requests.stream().mapToLong(RequestOutcome::latencyMicros).max().orElse(0);
      evidence.add(
          0,
          "all "
              + requests.size()
              + " "
              + scope
              + " ended within "
              + limitMicros / 1000
              + " ms (slowest "
              + Deadlocks.millis(slowest)
              + ")");
    }
    String measured =
        "how long each of the " + scope + " took to end (answered or failed) at target " + target;
    String bound =
        "each within deadline "
            + deadline.toMillis()
            + " ms + tolerance "
            + tolerance.toMillis()
            + " ms, none hung"
            + (counter != null ? "; timeout counter moves" : "");
    String observed =
        onTime
            + " on time, "
            + late.size()
            + " late, "
            + hung.size()
            + " hung of "
            + requests.size()
            + counterText;
    CheckStatus status =
        requests.isEmpty() ? CheckStatus.ERROR : holds ? CheckStatus.PASSED : CheckStatus.FAILED;
    return new CheckResult(name, "timeouts-fire", status, measured, bound, observed, evidence);
  }

  private static boolean unanswered(RequestOutcome r) {
    return r.outcome() == Outcome.INDETERMINATE && !r.gatewayAnswer();
  }
}
