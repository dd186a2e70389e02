package dev.faultline.report;

import java.util.List;

/** What history.mustache shows: every run, newest first, and each experiment's marks over time. */
record HistoryView(
    String folder,
    String summary,
    List<ExperimentRow> experiments,
    List<RunRow> runs,
    boolean hasRuns,
    List<Unreadable> unreadable,
    boolean hasUnreadable,
    String generated) {

  /**
   * One experiment: its latest verdict, its marks oldest to newest, and what its latest run
   * changed.
   */
  record ExperimentRow(
      String experiment,
      String verdictLabel,
      String verdictClass,
      List<Mark> marks,
      List<ChangeView> changes,
      boolean hasChanges) {}

  /** One run as a coloured square that links to its report. */
  record Mark(String href, String verdictClass, String title) {}

  record RunRow(
      String started,
      String experiment,
      String expect,
      String verdictLabel,
      String verdictClass,
      String checks,
      String p99,
      String wallTime,
      String href,
      String runId,
      List<ChangeView> changes,
      boolean hasChanges) {}

  record ChangeView(String text, String direction) {}

  /** A folder whose journal could not be read, and why. */
  record Unreadable(String folder, String reason) {}
}
