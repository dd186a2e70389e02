package dev.faultline.report;

import dev.faultline.check.CheckResult;
import dev.faultline.check.CheckStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One JUnit testcase of a run, decided before anything is written so that the suite's counts and
 * its testcases cannot disagree.
 *
 * @param outcome PASSED, FAILURE or ERROR
 * @param message the failure's or error's one-line message; null for a pass
 * @param type the failure's or error's type, e.g. faultline.counter-consistency
 * @param detail the failure's or error's body: the evidence
 * @param systemOut what a passing testcase says about itself
 */
record JUnitCase(
    String name,
    String classname,
    Duration time,
    Outcome outcome,
    String message,
    String type,
    String detail,
    String systemOut) {

  enum Outcome {
    PASSED,
    FAILURE,
    ERROR
  }

  /** The name of the testcase that fails when a control's bug went unseen. */
  static final String CONTROL_CAUGHT = "control caught";

  static List<JUnitCase> of(RunRecord run) {
    List<JUnitCase> cases = new ArrayList<>();
    ControlOutcome control = ControlOutcome.isControl(run) ? ControlOutcome.of(run) : null;
    for (CheckResult check : run.checks()) {
      cases.add(control == null ? plainCheck(run, check) : controlCheck(run, check, control));
    }
    boolean judged = run.verdict() == Verdict.MET || run.verdict() == Verdict.NOT_MET;
    if (control != null && judged) {
      cases.add(controlCaught(run, control));
    }
    if (!judged) {
      cases.add(runError(run));
    } else if (run.verdict() == Verdict.NOT_MET
        && cases.stream().noneMatch(c -> c.outcome() != Outcome.PASSED)) {
      cases.add(
          new JUnitCase(
              "verdict",
              classname(run),
              Duration.ZERO,
              Outcome.FAILURE,
              VerdictWords.sentence(run),
              "faultline.verdict",
              VerdictWords.sentence(run),
              null));
    }
    return List.copyOf(cases);
  }

  private static JUnitCase plainCheck(RunRecord run, CheckResult check) {
    return switch (status(check)) {
      case PASSED -> pass(run, check, check.summary());
      case FAILED -> problem(run, check, Outcome.FAILURE);
      case ERROR -> problem(run, check, Outcome.ERROR);
    };
  }

  private static JUnitCase controlCheck(RunRecord run, CheckResult check, ControlOutcome control) {
    CheckStatus status = status(check);
    if (status == CheckStatus.ERROR) {
      return problem(run, check, Outcome.ERROR);
    }
    String said;
    if (!control.isCatcher(check)) {
      said = "Not in caught-by, so it does not decide this control: " + check.summary();
    } else if (status == CheckStatus.FAILED) {
      said = "Caught the bug, as this control expects: " + check.summary() + evidenceBlock(check);
    } else {
      said = "Did not catch the bug (see testcase '" + CONTROL_CAUGHT + "'): " + check.summary();
    }
    return pass(run, check, said);
  }

  private static JUnitCase controlCaught(RunRecord run, ControlOutcome control) {
    if (control.caught()) {
      return new JUnitCase(
          CONTROL_CAUGHT,
          classname(run),
          Duration.ZERO,
          Outcome.PASSED,
          null,
          null,
          null,
          control.sentence());
    }
    return new JUnitCase(
        CONTROL_CAUGHT,
        classname(run),
        Duration.ZERO,
        Outcome.FAILURE,
        control.sentence(),
        "faultline.control-unseen",
        control.sentence()
            + "\nA control runs a target with a known bug; a check that cannot fail is a defect.",
        null);
  }

  private static JUnitCase runError(RunRecord run) {
    String reason = Formats.isBlank(run.error()) ? VerdictWords.sentence(run) : run.error();
    String type =
        "faultline."
            + (run.verdict() == null ? "unknown" : run.verdict().name().toLowerCase(Locale.ROOT));
    return new JUnitCase(
        "run " + VerdictWords.label(run.verdict()),
        classname(run),
        Formats.wallTime(run),
        Outcome.ERROR,
        reason,
        type,
        VerdictWords.sentence(run) + "\n" + reason,
        null);
  }

  private static JUnitCase pass(RunRecord run, CheckResult check, String systemOut) {
    return new JUnitCase(
        check.name(),
        classname(run),
        CheckTimes.of(run, check),
        Outcome.PASSED,
        null,
        null,
        null,
        systemOut);
  }

  private static JUnitCase problem(RunRecord run, CheckResult check, Outcome outcome) {
    String type =
        "faultline." + (outcome == Outcome.ERROR ? "check-error" : Formats.orDash(check.kind()));
    return new JUnitCase(
        check.name(),
        classname(run),
        CheckTimes.of(run, check),
        outcome,
        check.summary(),
        type,
        "measured: "
            + check.measured()
            + "\nbound:    "
            + check.bound()
            + "\nobserved: "
            + check.observed()
            + evidenceBlock(check),
        null);
  }

  private static String evidenceBlock(CheckResult check) {
    return check.evidence().isEmpty()
        ? ""
        : "\nevidence:\n  " + String.join("\n  ", check.evidence());
  }

  private static CheckStatus status(CheckResult check) {
    return check.status() == null ? CheckStatus.ERROR : check.status();
  }

  static String classname(RunRecord run) {
    return run.experiment();
  }
}
