package dev.faultline.report;

import dev.faultline.check.CheckResult;
import java.util.List;
import java.util.Locale;

/** The words and colours of a verdict, shared by every report. */
final class VerdictWords {

  private VerdictWords() {}

  /** "met", "not met", "aborted", "error". */
  static String label(Verdict verdict) {
    return verdict == null ? "unknown" : verdict.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** The CSS class that colours a verdict: met, not-met, aborted, error. */
  static String cssClass(Verdict verdict) {
    return verdict == null ? "error" : verdict.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The run's own sentence, or one made from its checks when the run did not write one. */
  static String sentence(RunRecord run) {
    if (!Formats.isBlank(run.verdictSentence())) {
      return run.verdictSentence();
    }
    return switch (run.verdict()) {
      case MET ->
          ControlOutcome.isControl(run)
              ? ControlOutcome.of(run).sentence()
              : "Every check held: " + passed(run) + " of " + run.checks().size() + " passed.";
      case NOT_MET ->
          ControlOutcome.isControl(run)
              ? ControlOutcome.of(run).sentence()
              : "Not met: "
                  + (run.checks().size() - passed(run))
                  + " of "
                  + run.checks().size()
                  + " checks failed.";
      case INCONCLUSIVE ->
          "Inconclusive: the load did not exercise the service, so the checks prove nothing.";
      case ABORTED -> "Aborted, every fault rolled back: " + Formats.orDash(run.error());
      case ERROR ->
          "No verdict: Faultline could not run the experiment: " + Formats.orDash(run.error());
    };
  }

  /**
   * The checks column of a summary: for a control, whether its bug was caught ("caught by x" or
   * "bug unseen"), since its catching check fails by design; otherwise passed/total. Steady-state
   * probes are not checks and are left out of the count.
   */
  static String checksCell(RunRecord run) {
    if (ControlOutcome.isControl(run)) {
      ControlOutcome control = ControlOutcome.of(run);
      return control.caught() ? "caught by " + String.join(", ", control.caughtBy()) : "bug unseen";
    }
    List<CheckResult> checks = checksProper(run);
    return checks.stream().filter(CheckResult::passed).count() + "/" + checks.size();
  }

  /** The run's checks without its steady-state probes. */
  static List<CheckResult> checksProper(RunRecord run) {
    return run.checks().stream().filter(c -> !"steady-state".equals(c.kind())).toList();
  }

  static long passed(RunRecord run) {
    return run.checks().stream().filter(CheckResult::passed).count();
  }
}
