package dev.faultline.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files a load run keeps in its run folder, and their JSON format; shared by the harness and
 * the fork so both read and write the same thing.
 */
final class ForkFiles {

  static final String PLAN_PROPERTY = "faultline.load.plan";
  static final String OUTCOMES_PROPERTY = "faultline.load.outcomes";
  static final String PARENT_PID_PROPERTY = "faultline.parent-pid";

  /** Thread-safe once configured. ISO-8601 durations ("PT2S") keep the plan file readable. */
  static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .disable(SerializationFeature.INDENT_OUTPUT);

  private final Path runDir;

  ForkFiles(Path runDir) {
    this.runDir = runDir.toAbsolutePath();
  }

  Path runDir() {
    return runDir;
  }

  Path plan() {
    return runDir.resolve("load-plan.json");
  }

  /** JSON lines, one {@link RequestOutcome} per line. */
  Path outcomes() {
    return runDir.resolve("outcomes.jsonl");
  }

  /**
   * The epoch millis at which the first request was handed to Gatling, written by the fork the
   * moment it happens: the harness schedules faults from it without waiting for that request to end
   * (a cold target may take seconds to answer it).
   */
  Path firstRequest() {
    return firstRequestBeside(outcomes());
  }

  static Path firstRequestBeside(Path outcomes) {
    return outcomes.resolveSibling("first-request.txt");
  }

  /** The fork's stdout and stderr: Gatling's console summary, warnings, crashes. */
  Path gatlingLog() {
    return runDir.resolve("gatling.log");
  }

  Path gatlingResults() {
    return runDir.resolve("gatling");
  }

  Path logbackConfig() {
    return runDir.resolve("gatling-logback.xml");
  }

  /** Gatling writes {@code <results>/<simulation>-<timestamp>/index.html}; the newest one wins. */
  Optional<Path> gatlingReportIndex() {
    if (!Files.isDirectory(gatlingResults())) {
      return Optional.empty();
    }
    try (Stream<Path> dirs = Files.list(gatlingResults())) {
      return dirs.map(d -> d.resolve("index.html"))
          .filter(Files::isRegularFile)
          .max(Path::compareTo);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static LoadPlan readPlan(Path file) {
    try {
      return JSON.readValue(file.toFile(), LoadPlan.class);
    } catch (IOException e) {
      throw new LoadException("cannot read the load plan " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes the plan atomically: a fork waiting for it never reads half a file. */
  void writePlan(LoadPlan plan) {
    try {
      Path partial = plan().resolveSibling(plan().getFileName() + ".partial");
      JSON.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), plan);
      Files.move(
          partial, plan(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new LoadException(
          "cannot write the load plan of '"
              + plan.experiment()
              + "' to "
              + plan()
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
