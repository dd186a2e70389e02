package dev.faultline.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plain-text table {@code faultline run} prints at the end: one line per run (experiment,
 * expect, verdict, checks passed/total, requests, req/s, p99, wall time), then where each report
 * is. No colours or box-drawing characters, so it reads the same in a terminal and a CI log.
 *
 * <p>Stateless and thread-safe.
 */
public final class ConsoleSummary {

  private static final List<String> HEADER =
      List.of("experiment", "expect", "verdict", "checks", "requests", "req/s", "p99", "wall time");

  /** Columns after the third hold numbers and are right-aligned. */
  private static final int FIRST_NUMBER_COLUMN = 3;

  private ConsoleSummary() {}

  /** The table and the report paths, lines separated by {@code \n}, ending with one. */
  public static String render(List<RunRecord> runs) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    runs.forEach(run -> rows.add(row(run)));
    int[] widths = widths(rows);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < rows.size(); i++) {
      text.append(line(rows.get(i), widths)).append('\n');
      if (i == 0) {
        text.append(rule(widths)).append('\n');
      }
    }
    text.append('\n');
    for (RunRecord run : runs) {
      text.append(run.experiment())
          .append(": ")
          .append(run.folder().resolve(RunReports.INDEX_HTML))
          .append('\n');
    }
    return text.toString();
  }

  private static List<String> row(RunRecord run) {
    long requests = run.load().stream().mapToLong(StepSummary::requests).sum();
    double p99 = StepSummary.worstP99Millis(run.load());
    return List.of(
        oneLine(run.experiment()),
        run.expect() == null ? "-" : run.expect().name().toLowerCase(Locale.ROOT),
        VerdictWords.label(run.verdict()).toUpperCase(Locale.ROOT),
        VerdictWords.checksCell(run),
        Formats.count(requests),
        rate(run, requests),
        requests > 0 && !Double.isFinite(p99) ? "no answer" : Formats.millis(p99).replace('—', '-'),
        Formats.duration(Formats.wallTime(run)).replace('—', '-'));
  }

  /**
   * Requests over the declared load time; the steps' own rates when the load declared none or was
   * cut short by an abort.
   */
  private static String rate(RunRecord run, long requests) {
    if (run.verdict() != Verdict.ABORTED
        && run.declaredLoad() != null
        && !run.declaredLoad().isZero()
        && !run.declaredLoad().isNegative()) {
      return Formats.rate(requests / (run.declaredLoad().toMillis() / 1000.0));
    }
    double sum =
        run.load().stream()
            .mapToDouble(StepSummary::requestsPerSecond)
            .filter(Double::isFinite)
            .sum();
    return run.load().isEmpty() ? "-" : Formats.rate(sum);
  }

  private static int[] widths(List<List<String>> rows) {
    int[] widths = new int[HEADER.size()];
    rows.forEach(
        row -> {
          for (int c = 0; c < row.size(); c++) {
            widths[c] = Math.max(widths[c], row.get(c).length());
          }
        });
    return widths;
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c);
      String padding = " ".repeat(widths[c] - cell.length());
      line.append(c == 0 ? "" : "  ")
          .append(c >= FIRST_NUMBER_COLUMN ? padding + cell : cell + padding);
    }
    return line.toString().stripTrailing();
  }

  private static String rule(int[] widths) {
    StringBuilder rule = new StringBuilder();
    for (int c = 0; c < widths.length; c++) {
      rule.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
    }
    return rule.toString();
  }

  /** A name with a newline or a control character would break the table's lines. */
  private static String oneLine(String text) {
    return text == null ? "-" : text.replaceAll("\\p{Cntrl}", " ");
  }
}
