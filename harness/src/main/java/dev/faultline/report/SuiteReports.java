package dev.faultline.report;

import java.nio.file.Path;
import java.util.List;

/**
 * Reports over a suite of runs, as {@code faultline run} of several experiments produces.
 *
 * <p>The suite's JUnit XML has a {@code <testsuites>} root holding one {@code <testsuite
 * name="faultline.<experiment>">} per run, exactly as that run's own junit.xml: so a CI server
 * shows one suite per experiment and one testcase per check, and a run counts the same whether it
 * is read alone or in the suite. Stateless and thread-safe.
 */
public final class SuiteReports {

  private SuiteReports() {}

  /**
   * Writes the runs, in the order given, to {@code file} (whole or not at all).
   *
   * @return {@code file}
   * @throws dev.faultline.FaultlineException if the file cannot be written
   */
  public static Path writeJUnit(List<RunRecord> runs, Path file) {
    List<RunRecord> copy = List.copyOf(runs);
    return ReportFiles.write(file, out -> JUnitWriter.writeRuns(copy, out));
  }
}
