package dev.faultline.maven;

import dev.faultline.api.RunResult;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What goal {@code run} leaves for goal {@code verify}: each experiment's verdict, its sentence and
 * its report, in run order. Immutable.
 *
 * @param runs one line per experiment run
 */
record RunSummary(List<Entry> runs) {

  /** File name of the summary in the reports folder. */
  static final String FILE = "faultline-summary.properties";

  RunSummary {
    runs = List.copyOf(runs);
  }

  /** One experiment's outcome. {@code met} is whether it met its expectation. */
  record Entry(String experiment, String verdict, boolean met, String sentence, String report) {

    static Entry of(RunResult result) {
      return new Entry(
          result.experiment(),
          result.verdict().name(),
          result.expectationMet(),
          result.verdictSentence(),
          result.report().toAbsolutePath().toString());
    }
  }

  /** The runs that did not meet their expectation. */
  List<Entry> notMet() {
    return runs.stream().filter(e -> !e.met()).toList();
  }

  /** Where the summary of a reports folder is. */
  record Location(Path reportsFolder) {

    Path file() {
      return reportsFolder.resolve(FILE);
    }

    void write(RunSummary summary) throws IOException {
      Properties p = new Properties();
      p.setProperty("runs", String.valueOf(summary.runs().size()));
      for (int i = 0; i < summary.runs().size(); i++) {
        Entry e = summary.runs().get(i);
        String key = "run." + (i + 1) + ".";
        p.setProperty(key + "experiment", e.experiment());
        p.setProperty(key + "verdict", e.verdict());
        p.setProperty(key + "met", String.valueOf(e.met()));
        p.setProperty(key + "sentence", e.sentence());
        p.setProperty(key + "report", e.report());
      }
      Files.createDirectories(reportsFolder);
      try (Writer out = Files.newBufferedWriter(file(), StandardCharsets.UTF_8)) {
        p.store(out, "Faultline: written by goal run, read by goal verify");
      }
    }

    /** The summary, or null when there is none (goal run did not run). */
    RunSummary read() {
      Properties p = new Properties();
      try (Reader in = Files.newBufferedReader(file(), StandardCharsets.UTF_8)) {
        p.load(in);
      } catch (NoSuchFileException e) {
        return null;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file(), e);
      }
      List<Entry> runs = new ArrayList<>();
      int count = Integer.parseInt(p.getProperty("runs", "0"));
      for (int i = 1; i <= count; i++) {
        String key = "run." + i + ".";
        runs.add(
            new Entry(
                p.getProperty(key + "experiment"),
                p.getProperty(key + "verdict"),
                Boolean.parseBoolean(p.getProperty(key + "met")),
                p.getProperty(key + "sentence"),
                p.getProperty(key + "report")));
      }
      return new RunSummary(runs);
    }
  }
}
