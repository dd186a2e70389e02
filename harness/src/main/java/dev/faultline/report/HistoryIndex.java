package dev.faultline.report;

import dev.faultline.FaultlineException;
import dev.faultline.report.HistoryView.ChangeView;
import dev.faultline.report.HistoryView.ExperimentRow;
import dev.faultline.report.HistoryView.Mark;
import dev.faultline.report.HistoryView.RunRow;
import dev.faultline.report.HistoryView.Unreadable;
import dev.faultline.report.RunComparison.Change;
import dev.faultline.report.RunComparison.P99Threshold;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The history of a reports folder, {@code <folder>/index.html}: every run newest first, a row of
 * pass/fail marks per experiment, and what changed since the previous run of the same experiment
 * (checks that started or stopped failing, a p99 that moved by more than 25% and at least 5 ms,
 * verdict changes). Built from every {@code <folder>/<run>/journal.json} alone, so it works on runs
 * written by earlier Faultline versions; a journal it cannot read is listed, not fatal.
 *
 * <p>Stateless and thread-safe; two rebuilds of one folder at once each write a whole page.
 */
public final class HistoryIndex {

  /** How many marks per experiment the page shows, newest last. */
  static final int MARKS_SHOWN = 40;

  private HistoryIndex() {}

  /**
   * Reads every run journal under {@code reportsFolder} and writes {@code
   * reportsFolder/index.html}.
   *
   * @return the path of the page written
   * @throws FaultlineException if the folder cannot be listed or the page cannot be written
   */
  public static Path rebuild(Path reportsFolder) {
    return rebuild(reportsFolder, P99Threshold.DEFAULT);
  }

  static Path rebuild(Path reportsFolder, P99Threshold threshold) {
    Journals read = read(reportsFolder);
    return Templates.render(
        "history.mustache",
        view(reportsFolder, read.runs(), read.unreadable(), threshold),
        reportsFolder.resolve(RunReports.INDEX_HTML));
  }

  /** The runs of a reports folder, and the journals that could not be read. */
  record Journals(List<RunRecord> runs, List<Unreadable> unreadable) {}

  /**
   * Reads every {@code <folder>/<run>/journal.json}; an unreadable one is listed, not fatal.
   *
   * @throws FaultlineException if the folder cannot be listed
   */
  static Journals read(Path reportsFolder) {
    List<RunRecord> runs = new ArrayList<>();
    List<Unreadable> unreadable = new ArrayList<>();
    for (Path journal : journals(reportsFolder)) {
      try {
        runs.add(JournalReader.read(journal));
      } catch (FaultlineException e) {
        unreadable.add(
            new Unreadable(journal.getParent().getFileName().toString(), e.getMessage()));
      }
    }
    return new Journals(runs, unreadable);
  }

  private static List<Path> journals(Path reportsFolder) {
    try (Stream<Path> folders = Files.list(reportsFolder)) {
      return folders
          .map(folder -> folder.resolve(RunReports.JOURNAL_JSON))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new FaultlineException(
          "could not list the reports folder " + reportsFolder + ": " + e.getMessage(), e);
    }
  }

  /** Oldest run first; a run without a start time (an old journal) before the others. */
  static final Comparator<RunRecord> OLDEST_FIRST =
      Comparator.comparing(RunRecord::started, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(RunRecord::runId, Comparator.nullsFirst(Comparator.naturalOrder()));

  /** Each experiment's runs, oldest first, in the order experiments first ran. */
  static Map<String, List<RunRecord>> byExperiment(List<RunRecord> runs) {
    Map<String, List<RunRecord>> byExperiment = new LinkedHashMap<>();
    runs.stream()
        .sorted(OLDEST_FIRST)
        .forEach(
            run -> byExperiment.computeIfAbsent(run.experiment(), e -> new ArrayList<>()).add(run));
    return byExperiment;
  }

  static HistoryView view(
      Path reportsFolder,
      List<RunRecord> runs,
      List<Unreadable> unreadable,
      P99Threshold threshold) {
    Map<String, List<RunRecord>> byExperiment = byExperiment(runs);
    Map<RunRecord, List<ChangeView>> changes = new IdentityHashMap<>();
    byExperiment
        .values()
        .forEach(
            history -> {
              for (int i = 0; i < history.size(); i++) {
                changes.put(
                    history.get(i),
                    i == 0
                        ? List.of()
                        : changeViews(history.get(i - 1), history.get(i), threshold));
              }
            });
    List<RunRow> rows =
        runs.stream()
            .sorted(OLDEST_FIRST.reversed())
            .map(run -> row(run, changes.get(run)))
            .toList();
    List<ExperimentRow> experiments =
        byExperiment.entrySet().stream()
            .map(entry -> experiment(entry.getKey(), entry.getValue(), changes))
            .sorted(
                Comparator.comparing(
                    ExperimentRow::experiment, Comparator.nullsFirst(Comparator.naturalOrder())))
            .toList();
    String summary =
        runs.size()
            + " run"
            + (runs.size() == 1 ? "" : "s")
            + " of "
            + byExperiment.size()
            + " experiment"
            + (byExperiment.size() == 1 ? "" : "s");
    return new HistoryView(
        reportsFolder.toAbsolutePath().normalize().toString(),
        summary,
        experiments,
        rows,
        !rows.isEmpty(),
        List.copyOf(unreadable),
        !unreadable.isEmpty(),
        Formats.wallClock(Instant.now()));
  }

  private static List<ChangeView> changeViews(
      RunRecord previous, RunRecord current, P99Threshold threshold) {
    return RunComparison.between(previous, current, threshold).stream()
        .map(change -> new ChangeView(change.text(), direction(change)))
        .toList();
  }

  private static String direction(Change change) {
    return change.worse() ? "worse" : "better";
  }

  private static ExperimentRow experiment(
      String name, List<RunRecord> history, Map<RunRecord, List<ChangeView>> changes) {
    RunRecord latest = history.get(history.size() - 1);
    List<Mark> marks =
        history.subList(Math.max(0, history.size() - MARKS_SHOWN), history.size()).stream()
            .map(
                run ->
                    new Mark(
                        reportHref(run),
                        VerdictWords.cssClass(run.verdict()),
                        Formats.wallClock(run.started())
                            + " · "
                            + VerdictWords.label(run.verdict())))
            .toList();
    List<ChangeView> latestChanges = changes.get(latest);
    return new ExperimentRow(
        name,
        VerdictWords.label(latest.verdict()),
        VerdictWords.cssClass(latest.verdict()),
        marks,
        latestChanges,
        !latestChanges.isEmpty());
  }

  private static RunRow row(RunRecord run, List<ChangeView> changes) {
    double p99 = StepSummary.worstP99Millis(run.load());
    return new RunRow(
        Formats.wallClock(run.started()),
        run.experiment(),
        run.expect() == null ? "—" : run.expect().name().toLowerCase(Locale.ROOT),
        VerdictWords.label(run.verdict()),
        VerdictWords.cssClass(run.verdict()),
        VerdictWords.checksCell(run),
        Formats.millis(p99),
        Formats.duration(Formats.wallTime(run)),
        reportHref(run),
        run.runId(),
        changes,
        !changes.isEmpty());
  }

  private static String reportHref(RunRecord run) {
    return Links.relative(run.folder().getFileName() + "/" + RunReports.INDEX_HTML);
  }
}
