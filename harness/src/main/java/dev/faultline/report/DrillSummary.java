package dev.faultline.report;

import dev.faultline.report.HistoryIndex.Journals;
import dev.faultline.report.RunComparison.Change;
import dev.faultline.report.RunComparison.P99Threshold;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The summary of a drill, in Markdown: for every experiment of a reports folder, its latest verdict
 * and what changed since its run before (the history page's "changed since the previous run"). A
 * weekly drill keeps the reports folder between runs, so the previous run is last week's. Meant for
 * a CI job's summary, a chat message or the drill's ticket.
 */
public final class DrillSummary {

  private DrillSummary() {}

  /**
   * The summary of {@code reportsFolder}.
   *
   * @throws dev.faultline.FaultlineException if the folder cannot be listed
   */
  public static String markdown(Path reportsFolder) {
    return markdown(HistoryIndex.read(reportsFolder), P99Threshold.DEFAULT);
  }

  static String markdown(Journals journals, P99Threshold threshold) {
    Map<String, List<RunRecord>> byExperiment = HistoryIndex.byExperiment(journals.runs());
    StringBuilder table = new StringBuilder();
    int met = 0;
    int changed = 0;
    for (Map.Entry<String, List<RunRecord>> entry : byExperiment.entrySet()) {
      List<RunRecord> history = entry.getValue();
      RunRecord latest = history.get(history.size() - 1);
      List<Change> changes =
          history.size() < 2
              ? List.of()
              : RunComparison.between(history.get(history.size() - 2), latest, threshold);
      met += latest.verdict() == Verdict.MET ? 1 : 0;
      changed += changes.isEmpty() ? 0 : 1;
      table
          .append("| ")
          .append(cell(entry.getKey()))
          .append(" | ")
          .append(VerdictWords.label(latest.verdict()))
          .append(" | ")
          .append(cell(sinceBefore(history.size(), changes)))
          .append(" | ")
          .append(cell(latest.folder().getFileName() + "/" + RunReports.INDEX_HTML))
          .append(" |\n");
    }
    StringBuilder md = new StringBuilder("# Faultline drill\n\n");
    md.append("**")
        .append(met)
        .append(" of ")
        .append(byExperiment.size())
        .append(" experiments met their expectation; ")
        .append(changed)
        .append(" changed")
        .append(" since the run before.**\n\n");
    if (!byExperiment.isEmpty()) {
      md.append("| experiment | latest verdict | since the run before | report |\n")
          .append("|---|---|---|---|\n")
          .append(table)
          .append('\n');
    }
    journals
        .unreadable()
        .forEach(
            u ->
                md.append("- unreadable journal in ")
                    .append(u.folder())
                    .append(": ")
                    .append(u.reason())
                    .append('\n'));
    return md.toString();
  }

  private static String sinceBefore(int runs, List<Change> changes) {
    if (runs < 2) {
      return "first run";
    }
    if (changes.isEmpty()) {
      return "no change";
    }
    return String.join(
        "; ", changes.stream().map(c -> (c.worse() ? "worse: " : "better: ") + c.text()).toList());
  }

  /** Text safe inside a Markdown table cell. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
