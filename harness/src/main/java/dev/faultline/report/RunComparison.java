package dev.faultline.report;

import dev.faultline.check.CheckResult;
import dev.faultline.check.CheckStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What changed between two runs of the same experiment: the verdict, checks that started or stopped
 * failing, and p99 latencies that moved by more than the threshold.
 */
final class RunComparison {

  /**
   * How far a step's p99 must move to be worth a line: both by a fraction of the previous p99 and
   * by an absolute amount, so a 2 ms → 3 ms wobble is not a "50% regression".
   */
  record P99Threshold(double relative, double absoluteMillis) {
    static final P99Threshold DEFAULT = new P99Threshold(0.25, 5);

    boolean exceeded(double before, double after) {
      double moved = Math.abs(after - before);
      return moved >= absoluteMillis && moved > relative * before;
    }
  }

  /** One change, and whether it is for the worse. */
  record Change(String text, boolean worse) {}

  private RunComparison() {}

  static List<Change> between(RunRecord previous, RunRecord current, P99Threshold threshold) {
    List<Change> changes = new ArrayList<>();
    if (previous.verdict() != current.verdict()) {
      changes.add(
          new Change(
              "verdict "
                  + VerdictWords.label(previous.verdict())
                  + " → "
                  + VerdictWords.label(current.verdict()),
              current.verdict() != Verdict.MET));
    }
    Map<String, CheckStatus> before = statuses(previous);
    for (CheckResult check : current.checks()) {
      boolean failsNow = check.status() != CheckStatus.PASSED;
      CheckStatus was = before.get(check.name());
      if (was == null) {
        continue;
      }
      boolean failedBefore = was != CheckStatus.PASSED;
      if (failsNow && !failedBefore) {
        changes.add(
            new Change(
                "check " + check.name() + " started failing (" + lower(check.status()) + ")",
                true));
      } else if (!failsNow && failedBefore) {
        changes.add(new Change("check " + check.name() + " stopped failing", false));
      }
    }
    changes.addAll(p99Moves(previous, current, threshold));
    return List.copyOf(changes);
  }

  private static List<Change> p99Moves(
      RunRecord previous, RunRecord current, P99Threshold threshold) {
    Map<String, Double> before = new LinkedHashMap<>();
    previous.load().forEach(step -> before.put(step.step(), step.p99Millis()));
    List<Change> moves = new ArrayList<>();
    for (StepSummary step : current.load()) {
      Double was = before.get(step.step());
      double now = step.p99Millis();
      if (was == null
          || !Double.isFinite(was)
          || !Double.isFinite(now)
          || !threshold.exceeded(was, now)) {
        continue;
      }
      String percent =
          was > 0 ? String.format(Locale.ROOT, " (%+.0f%%)", 100 * (now - was) / was) : "";
      moves.add(
          new Change(
              "p99 of "
                  + step.step()
                  + " "
                  + (now > was ? "rose" : "fell")
                  + " "
                  + Formats.millis(was)
                  + " → "
                  + Formats.millis(now)
                  + percent,
              now > was));
    }
    return moves;
  }

  private static Map<String, CheckStatus> statuses(RunRecord run) {
    Map<String, CheckStatus> statuses = new LinkedHashMap<>();
    run.checks().forEach(check -> statuses.put(check.name(), check.status()));
    return statuses;
  }

  private static String lower(CheckStatus status) {
    return status == null ? "error" : status.name().toLowerCase(Locale.ROOT);
  }
}
