package dev.faultline.api;

import dev.faultline.report.RunRecord;
import dev.faultline.report.RunReports;
import dev.faultline.report.Verdict;
import java.nio.file.Path;
import java.util.List;

/**
 * What one run concluded and where its reports are. Immutable.
 *
 * @param experiment the experiment's name
 * @param verdict met, not met, inconclusive, aborted, or error (no verdict)
 * @param verdictSentence the verdict in one sentence, as the report and the console give it
 * @param checks each check's status and message, in the experiment's order
 * @param runFolder the run's folder
 * @param report the HTML report ({@code index.html} in the run folder)
 * @param journal the journal ({@code journal.json} in the run folder)
 * @param junitXml the run's JUnit XML ({@code junit.xml} in the run folder)
 * @param error why there is no verdict ({@link Verdict#ERROR}) or why the run stopped ({@link
 *     Verdict#ABORTED}); null otherwise
 */
public record RunResult(
    String experiment,
    Verdict verdict,
    String verdictSentence,
    List<CheckOutcome> checks,
    Path runFolder,
    Path report,
    Path journal,
    Path junitXml,
    String error) {

  /** A copy that cannot change. */
  public RunResult {
    checks = List.copyOf(checks);
  }

  /**
   * Whether the run met its experiment's expectation: every check held ({@code expect: pass}), or
   * the known bug was caught ({@code expect: caught}).
   */
  public boolean expectationMet() {
    return verdict == Verdict.MET;
  }

  /** The outcome of the check named {@code name}. */
  public CheckOutcome check(String name) {
    return checks.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no check named '"
                        + name
                        + "' in "
                        + experiment
                        + "; it has "
                        + checks.stream().map(CheckOutcome::name).toList()));
  }

  static RunResult of(RunRecord record) {
    Path folder = record.folder();
    return new RunResult(
        record.experiment(),
        record.verdict(),
        record.verdictSentence(),
        record.checks().stream()
            .map(c -> new CheckOutcome(c.name(), c.status(), c.summary()))
            .toList(),
        folder,
        folder.resolve(RunReports.INDEX_HTML),
        folder.resolve(RunReports.JOURNAL_JSON),
        folder.resolve(RunReports.JUNIT_XML),
        record.error());
  }
}
