package dev.faultline.cli;

import dev.faultline.report.DrillSummary;
import dev.faultline.report.HistoryIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code faultline report [dir]}: rebuilds the history index of a reports folder. */
@Command(
    name = "report",
    description = {
      "Rebuild the history page (index.html) of a reports folder.",
      "With --summary, also write the drill's summary in Markdown: each experiment's latest"
          + " verdict and what changed since its run before."
    })
final class ReportCommand implements Callable<Integer> {

  @Parameters(
      arity = "0..1",
      paramLabel = "<dir>",
      description = "The reports folder (default: reports/).")
  Path folder;

  @Option(
      names = "--summary",
      paramLabel = "<file>",
      description = "Also write the drill summary (Markdown) to <file>; - for the console.")
  String summary;

  @Override
  public Integer call() {
    Path where = folder != null ? folder : FaultlineCli.reports();
    if (!Files.isDirectory(where)) {
      System.err.println(
          where + ": no such folder; give the folder that holds the run folders, e.g. reports/");
      return FaultlineCli.INVALID;
    }
    System.out.println("history: " + HistoryIndex.rebuild(where));
    if (summary != null) {
      String markdown = DrillSummary.markdown(where);
      if (summary.equals("-")) {
        System.out.print(markdown);
      } else {
        try {
          Files.writeString(Path.of(summary), markdown);
        } catch (IOException e) {
          System.err.println(summary + ": cannot write the drill summary: " + e.getMessage());
          return FaultlineCli.INVALID;
        }
        System.out.println("drill summary: " + Path.of(summary).toAbsolutePath().normalize());
      }
    }
    return 0;
  }
}
