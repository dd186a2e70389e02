package dev.faultline.check;

import dev.faultline.load.Outcome;
import dev.faultline.load.RequestOutcome;
import dev.faultline.observe.DeadlockReport;
import dev.faultline.observe.DeadlockWatch;
import dev.faultline.observe.ThreadDetail;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The judgement of no-deadlock, free of I/O: no deadlock cycle in the samples taken during load nor
 * in the one taken after, and every request finished or failed within the hard bound — a request
 * still in flight when the load stopped, or answered past the bound, is a hang.
 */
final class Deadlocks {

  static final int SHOWN = 10;
  private static final int FRAMES = 10;
  private static final String IN_FLIGHT = "in flight when the load stopped";

  private Deadlocks() {}

  /**
   * @param during the samples taken while load ran; null when there was no watch
   * @param after the sample taken after load and rollback; null when it could not be taken
   * @param unseen why the threads could not be observed, or null
   */
  public static CheckResult judge(
      String name,
      String target,
      DeadlockWatch.Findings during,
      DeadlockReport after,
      String unseen,
      List<RequestOutcome> requests,
      Duration bound) {
    List<String> evidence = new ArrayList<>();
    List<DeadlockReport> cycles = new ArrayList<>(during == null ? List.of() : during.cycles());
    if (after != null
        && after.found()
        && cycles.stream().noneMatch(c -> c.threadNames().equals(after.threadNames()))) {
      cycles.add(after);
    }
    for (DeadlockReport c : cycles) {
      evidence.add(c.description() + " (seen at " + c.at() + ")");
      for (ThreadDetail t : c.cycle()) {
        evidence.add(
            "  "
                + t.label()
                + " waits for "
                + t.lockName()
                + " held by "
                + t.lockOwnerName()
                + (t.lockedMonitors().isEmpty()
                    ? ""
                    : ", holds " + String.join(", ", t.lockedMonitors()))
                + "; at "
                + t.top(FRAMES));
      }
    }
    long boundMicros = bound.toNanos() / 1000;
    List<RequestOutcome> hangs =
        requests.stream()
            .filter(
                r ->
                    r.latencyMicros() > boundMicros
                        || (r.outcome() == Outcome.INDETERMINATE
                            && r.error() != null
                            && r.error().startsWith(IN_FLIGHT)))
            .sorted(Comparator.comparingLong(RequestOutcome::latencyMicros).reversed())
            .toList();
    evidence.addAll(
        slowest(
            hangs,
            r ->
                "hung: "
                    + r.opId()
                    + " of step "
                    + r.step()
                    + " "
                    + (r.outcome() == Outcome.INDETERMINATE && !r.gatewayAnswer()
                        ? noAnswerAfter(r)
                        : "ended " + r.outcome() + " only after " + millis(r.latencyMicros()))));
    if (hangs.size() > SHOWN) {
      evidence.add("… " + (hangs.size() - SHOWN) + " more hung requests");
    }
    int samples = during == null ? 0 : during.samples();
    if (during != null) {
      during.errors().forEach(e -> evidence.add("a deadlock sample failed: " + e));
    }
    CheckStatus status;
    if (!cycles.isEmpty() || !hangs.isEmpty()) {
      status = CheckStatus.FAILED;
    } else if (unseen != null || after == null) {
      status = CheckStatus.ERROR;
      evidence.add(
          0,
          "deadlocks could not be looked for: "
              + (unseen != null ? unseen : "no sample after load"));
    } else {
      status = CheckStatus.PASSED;
      evidence.add(
          0,
          "no deadlock in "
              + samples
              + " samples during load nor in the one after ("
              + after.description()
              + "); all "
              + requests.size()
              + " requests ended within "
              + bound.toMillis()
              + " ms");
    }
    String measured =
        "deadlocked threads of target "
            + target
            + " (sampled every second during load, and after), and how long each of "
            + requests.size()
            + " requests took to end";
    String bound2 =
        "no deadlock cycle; every request finished or failed within " + bound.toMillis() + " ms";
    String observed =
        cycles.size()
            + " deadlock cycles in "
            + (samples + (after != null ? 1 : 0))
            + " samples, "
            + hangs.size()
            + " hung requests";
    return new CheckResult(name, "no-deadlock", status, measured, bound2, observed, evidence);
  }

  /** The first {@value #SHOWN} requests of a list sorted slowest first, one line each. */
  static List<String> slowest(
      List<RequestOutcome> requests, Function<RequestOutcome, String> line) {
    return requests.stream().limit(SHOWN).map(line).toList();
  }

  /** "had no answer after 1,234 ms (error)" for a request that got none. */
  static String noAnswerAfter(RequestOutcome r) {
    return "had no answer after "
        + millis(r.latencyMicros())
        + (r.error() != null ? " (" + r.error() + ")" : "");
  }

  static String millis(long micros) {
    return String.format(Locale.ROOT, "%,d ms", micros / 1000);
  }
}
