package dev.faultline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.experiment.ExperimentLoader;
import dev.faultline.experiment.LoadedExperiment;
import dev.faultline.experiment.TargetSpec;
import dev.faultline.report.JournalReader;
import dev.faultline.report.RunRecord;
import dev.faultline.report.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The false-alarm corpus (examples/pool-shapes/): correct services built on each common pool shape
 * must pass no-thread-leak and no-deadlock every time, and their leaking twins must be caught every
 * time. Every experiment runs {@value #DEFAULT_RUNS} times through the real CLI, started from the
 * repository root as a user would; the table of verdicts is printed either way.
 *
 * <p>{@code -Dfaultline.corpus.runs=N} changes the number of runs, {@code
 * -Dfaultline.corpus.only=a,b} keeps only the named files (without {@code .yaml}). An experiment
 * whose command names a JDK that is not installed here (the virtual-thread service needs a JDK 21+)
 * is skipped with the reason.
 */
class FalseAlarmCorpusIT {
  private static final int DEFAULT_RUNS = 5;
  private static final long ONE_PASS_MINUTES = 6;

  @TempDir Path dir;

  @Test
  @Timeout(value = 45, unit = TimeUnit.MINUTES)
  void every_correct_pool_shape_passes_and_every_leaking_twin_is_caught_every_time()
      throws Exception {
    Path home = E2eSupport.home();
    int runs = Integer.getInteger("faultline.corpus.runs", DEFAULT_RUNS);
    Map<String, String> skipped = new LinkedHashMap<>();
    List<Path> files = corpus(home, skipped);
    assertThat(files).as("experiments in examples/pool-shapes").isNotEmpty();

    Map<String, List<Verdict>> verdicts = new LinkedHashMap<>();
    Map<String, String> firstMiss = new LinkedHashMap<>();
    files.forEach(f -> verdicts.put(nameOf(f), new ArrayList<>()));
    for (int run = 1; run <= runs; run++) {
      for (RunRecord r : runAll(home, files, dir.resolve("run-" + run))) {
        verdicts
            .computeIfAbsent(nameOf(r.experimentFile()), k -> new ArrayList<>())
            .add(r.verdict());
        if (r.verdict() != Verdict.MET) {
          firstMiss.putIfAbsent(
              nameOf(r.experimentFile()), r.verdict() + ": " + r.verdictSentence());
        }
      }
    }

    String table = table(verdicts, runs, skipped, firstMiss);
    System.out.println(table);
    List<String> missed =
        verdicts.entrySet().stream()
            .filter(
                e ->
                    e.getValue().size() != runs
                        || e.getValue().stream().anyMatch(v -> v != Verdict.MET))
            .map(Map.Entry::getKey)
            .toList();
    assertThat(missed)
        .as("experiments that did not meet their expectation in every run" + table)
        .isEmpty();
  }

  /** The corpus files, less those that cannot run here (their reason in {@code skipped}). */
  private static List<Path> corpus(Path home, Map<String, String> skipped) throws IOException {
    List<String> only =
        Optional.ofNullable(System.getProperty("faultline.corpus.only"))
            .filter(s -> !s.isBlank())
            .map(s -> List.of(s.split(",")))
            .orElse(List.of());
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(home.resolve("examples/pool-shapes"))) {
      for (Path f : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        if (!only.isEmpty() && !only.contains(nameOf(f))) {
          continue;
        }
        Optional<String> missing = missingJdk(ExperimentLoader.load(f));
        if (missing.isPresent()) {
          skipped.put(nameOf(f), missing.get());
        } else {
          files.add(home.relativize(f));
        }
      }
    }
    return files;
  }

  /** A command that starts with an absolute path to a java that is not installed. */
  private static Optional<String> missingJdk(LoadedExperiment e) {
    for (TargetSpec t : e.experiment().targets().values()) {
      if (!t.command().isEmpty()) {
        Path program = Path.of(t.command().get(0));
        if (program.isAbsolute() && !Files.isExecutable(program)) {
          return Optional.of("skipped: its command needs " + program + ", not installed here");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * One CLI run of every file, from the repository root; the verdicts read from each run's journal.
   */
  private static List<RunRecord> runAll(Path home, List<Path> files, Path reports)
      throws Exception {
    List<String> args = new ArrayList<>(List.of("run", "--reports", reports.toString()));
    files.forEach(f -> args.add(f.toString()));
    try (CliProcess cli = CliProcess.startIn(home, home, args.toArray(String[]::new))) {
      boolean ended = cli.process().waitFor(ONE_PASS_MINUTES * files.size(), TimeUnit.MINUTES);
      assertThat(ended).as("the corpus run ended; it printed:\n" + cli.output()).isTrue();
      assertThat(cli.process().exitValue())
          .as("exit code (3: infrastructure error); it printed:\n" + cli.output())
          .isIn(0, 1);
    }
    List<RunRecord> records = new ArrayList<>();
    try (Stream<Path> s = Files.list(reports)) {
      for (Path folder : s.filter(Files::isDirectory).sorted().toList()) {
        Path journal = folder.resolve("journal.json");
        if (Files.isRegularFile(journal)) {
          records.add(JournalReader.read(journal));
        }
      }
    }
    return records;
  }

  private static String table(
      Map<String, List<Verdict>> verdicts,
      int runs,
      Map<String, String> skipped,
      Map<String, String> firstMiss) {
    StringBuilder out =
        new StringBuilder(
            String.format("%n%-24s %5s %4s  %s%n", "experiment", "runs", "met", "first miss"));
    verdicts.forEach(
        (name, seen) ->
            out.append(
                String.format(
                    "%-24s %5d %4d  %s%n",
                    name,
                    seen.size(),
                    seen.stream().filter(v -> v == Verdict.MET).count(),
                    firstMiss.getOrDefault(name, ""))));
    skipped.forEach(
        (name, why) -> out.append(String.format("%-24s %5s %4s  %s%n", name, "-", "-", why)));
    return out.append("(").append(runs).append(" runs each)").toString();
  }

  private static String nameOf(Path file) {
    return file.getFileName().toString().replace(".yaml", "");
  }
}
