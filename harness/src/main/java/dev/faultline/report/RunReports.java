package dev.faultline.report;

import java.nio.file.Path;

/**
 * Writes the evidence of one run into its folder: {@code index.html} (the report a person reads),
 * {@code journal.json} (the same facts for machines, see {@code journal.schema.json}) and {@code
 * junit.xml} (one testsuite, one testcase per check, for CI).
 *
 * <p>Each file is written whole or not at all. Stateless and thread-safe; concurrent writes to
 * different run folders are independent.
 */
public final class RunReports {

  /** The report page's file name in a run folder. */
  public static final String INDEX_HTML = "index.html";

  /** The journal's file name in a run folder; {@link HistoryIndex} looks for it. */
  public static final String JOURNAL_JSON = "journal.json";

  /** The JUnit XML report's file name in a run folder. */
  public static final String JUNIT_XML = "junit.xml";

  private RunReports() {}

  /**
   * Writes index.html, journal.json and junit.xml into {@code run.folder()}, creating it if needed.
   *
   * @return the path of index.html
   * @throws dev.faultline.FaultlineException if a file cannot be written
   */
  public static Path write(RunRecord run) {
    Path folder = run.folder();
    JournalWriter.write(run, folder.resolve(JOURNAL_JSON));
    ReportFiles.write(folder.resolve(JUNIT_XML), out -> JUnitWriter.writeRun(run, out));
    return RunReportPage.write(run, folder.resolve(INDEX_HTML));
  }
}
