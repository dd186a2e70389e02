package dev.faultline.run;

import dev.faultline.report.JournalEvent;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * How runs are carried out: where reports go, where Faultline is installed (for the built-in
 * targets), where progress is printed, and who is told of each journal event as it happens.
 *
 * @param events told of every journal event, on the thread that recorded it; must not block
 */
public record RunOptions(
    Path reportsFolder, Path home, Console console, Consumer<JournalEvent> events) {

  /** Options whose journal events go nowhere but the journal. */
  public RunOptions(Path reportsFolder, Path home, Console console) {
    this(reportsFolder, home, console, event -> {});
  }
}
