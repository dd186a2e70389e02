package dev.faultline.report;

import dev.faultline.check.CheckResult;

/** The words and colours of a verdict, shared by every report. */
final class VerdictWords {

    private VerdictWords() {}

    /** "met", "not met", "aborted", "error". */
    static String label(Verdict verdict) {
        return verdict == null ? "unknown" : verdict.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** The CSS class that colours a verdict: met, not-met, aborted, error. */
    static String cssClass(Verdict verdict) {
        return verdict == null ? "error" : verdict.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The run's own sentence, or one made from its checks when the run did not write one. */
    static String sentence(RunRecord run) {
        if (!Formats.isBlank(run.verdictSentence())) {
            return run.verdictSentence();
        }
        return switch (run.verdict()) {
            case MET -> ControlOutcome.isControl(run) ? ControlOutcome.of(run).sentence()
                    : "Every check held: " + passed(run) + " of " + run.checks().size() + " passed.";
            case NOT_MET -> ControlOutcome.isControl(run) ? ControlOutcome.of(run).sentence()
                    : "Not met: " + (run.checks().size() - passed(run)) + " of " + run.checks().size() + " checks failed.";
            case ABORTED -> "Aborted, every fault rolled back: " + Formats.orDash(run.error());
            case ERROR -> "No verdict: Faultline could not run the experiment: " + Formats.orDash(run.error());
        };
    }

    static long passed(RunRecord run) {
        return run.checks().stream().filter(CheckResult::passed).count();
    }
}
