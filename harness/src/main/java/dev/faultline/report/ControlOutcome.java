package dev.faultline.report;

import dev.faultline.check.CheckResult;
import dev.faultline.check.CheckStatus;
import dev.faultline.experiment.Expectation;
import java.util.List;

/**
 * What a control run ({@code expect: caught}) showed: which of its catching checks failed, as they
 * must for the control to be met. One place for the rule, so that the HTML, JUnit and console
 * reports never disagree.
 *
 * @param catchers the checks allowed to catch the bug: caught-by, or every check when caught-by is
 *     empty
 * @param caughtBy the catchers that did fail
 */
record ControlOutcome(List<String> catchers, List<String> caughtBy) {

  static boolean isControl(RunRecord run) {
    return run.expect() == Expectation.CAUGHT;
  }

  static ControlOutcome of(RunRecord run) {
    List<String> catchers =
        run.caughtBy().isEmpty()
            ? run.checks().stream().map(CheckResult::name).toList()
            : run.caughtBy();
    List<String> caught =
        run.checks().stream()
            .filter(
                check -> check.status() == CheckStatus.FAILED && catchers.contains(check.name()))
            .map(CheckResult::name)
            .toList();
    return new ControlOutcome(catchers, caught);
  }

  boolean caught() {
    return !caughtBy.isEmpty();
  }

  boolean isCatcher(CheckResult check) {
    return catchers.contains(check.name());
  }

  /** The plain sentence a reader of a control needs. */
  String sentence() {
    if (caught()) {
      return "Control: the bug was caught by " + String.join(", ", caughtBy) + ".";
    }
    return "The harness failed to see the bug: no check in caught-by ("
        + (catchers.isEmpty() ? "none" : String.join(", ", catchers))
        + ") failed.";
  }
}
