package dev.faultline.cli;

import dev.faultline.report.HistoryIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code faultline report [dir]}: rebuilds the history index of a reports folder. */
@Command(
    name = "report",
    description = "Rebuild the history page (index.html) of a reports folder.")
final class ReportCommand implements Callable<Integer> {

  @Parameters(
      arity = "0..1",
      paramLabel = "<dir>",
      description = "The reports folder (default: reports/).")
  Path folder;

  @Override
  public Integer call() {
    Path where = folder != null ? folder : FaultlineCli.reports();
    if (!Files.isDirectory(where)) {
      System.err.println(
          where + ": no such folder; give the folder that holds the run folders, e.g. reports/");
      return FaultlineCli.INVALID;
    }
    System.out.println("history: " + HistoryIndex.rebuild(where));
    return 0;
  }
}
