package dev.faultline.run;

import dev.faultline.check.CheckResult;
import dev.faultline.check.CheckStatus;
import dev.faultline.experiment.Expectation;
import dev.faultline.experiment.Experiment;
import dev.faultline.report.Verdict;
import java.util.List;
import java.util.stream.Collectors;

/** Turns check results into the run's verdict and its one-sentence explanation. Stateless. */
final class Verdicts {

  private Verdicts() {}

  static Judgement judge(Experiment e, List<CheckResult> checks, String error, String abortReason) {
    return judge(e, checks, error, abortReason, List.of());
  }

  /**
   * @param unexercised why the load did not exercise the service, per step (empty: it did). A run
   *     that was not exercised is INCONCLUSIVE rather than MET, and a control's catch or miss
   *     counts for nothing; a plain experiment whose check failed is still NOT MET.
   */
  static Judgement judge(
      Experiment e,
      List<CheckResult> checks,
      String error,
      String abortReason,
      List<String> unexercised) {
    // An abort comes first, whatever phase it came in: stopping the run is what made a target
    // "exit with code 143 before it became healthy", and that error says nothing of the target.
    if (abortReason != null) {
      return new Judgement(
          Verdict.ABORTED,
          "Aborted: " + abortReason + "; every fault was rolled back and no verdict was reached.");
    }
    if (error != null) {
      return new Judgement(
          Verdict.ERROR,
          "No verdict: Faultline could not run the experiment — " + firstLine(error));
    }
    List<CheckResult> failed =
        checks.stream().filter(c -> c.status() == CheckStatus.FAILED).toList();
    List<CheckResult> errored =
        checks.stream().filter(c -> c.status() == CheckStatus.ERROR).toList();
    String notExercised =
        unexercised.isEmpty()
            ? null
            : "the load did not exercise the service — "
                + String.join("; ", unexercised)
                + ". Fix the load (path, target, health) or warm the service up";
    if (e.expect() == Expectation.CAUGHT) {
      if (notExercised != null) {
        return new Judgement(
            Verdict.INCONCLUSIVE,
            "Inconclusive (control): "
                + notExercised
                + "; a catch on a service that did not work proves nothing.");
      }
      List<CheckResult> catching =
          failed.stream()
              .filter(c -> e.caughtBy().isEmpty() || e.caughtBy().contains(c.name()))
              .toList();
      if (!catching.isEmpty()) {
        CheckResult c = catching.get(0);
        return new Judgement(
            Verdict.MET,
            "Met (control): the known bug was caught by " + names(catching) + " — " + evidence(c));
      }
      if (!errored.isEmpty()) {
        return notEvaluated("No verdict (control): ", errored);
      }
      String expected = e.caughtBy().isEmpty() ? "any check" : String.join(", ", e.caughtBy());
      return new Judgement(
          Verdict.NOT_MET,
          "Not met (control): the harness failed to see the bug — "
              + expected
              + " should have failed but "
              + (failed.isEmpty() ? "every check held." : "only " + names(failed) + " failed."));
    }
    if (!failed.isEmpty()) {
      return new Judgement(
          Verdict.NOT_MET, "Not met: " + names(failed) + " failed — " + evidence(failed.get(0)));
    }
    if (!errored.isEmpty()) {
      return notEvaluated("No verdict: ", errored);
    }
    if (notExercised != null) {
      return new Judgement(
          Verdict.INCONCLUSIVE,
          "Inconclusive: "
              + notExercised
              + "; the checks that held ("
              + names(checks)
              + ") prove nothing.");
    }
    return new Judgement(
        Verdict.MET,
        (checks.size() == 1
                ? "Met: its one check held ("
                : "Met: all " + checks.size() + " checks held (")
            + names(checks)
            + ").");
  }

  private static Judgement notEvaluated(String lead, List<CheckResult> errored) {
    return new Judgement(
        Verdict.ERROR,
        lead + names(errored) + " could not be evaluated — " + evidence(errored.get(0)));
  }

  private static String names(List<CheckResult> checks) {
    return checks.stream().map(CheckResult::name).collect(Collectors.joining(", "));
  }

  private static String evidence(CheckResult c) {
    return c.evidence().isEmpty()
        ? "expected " + c.bound() + ", observed " + c.observed() + "."
        : c.evidence().get(0) + ".";
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
