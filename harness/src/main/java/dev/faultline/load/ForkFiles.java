package dev.faultline.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
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
  static final String CPU_PROPERTY = "faultline.load.cpu";

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

  /**
   * The epoch millis at which the load ended: every request has ended and its outcome is written.
   * Written by the fork before Gatling generates its HTML report, so the harness goes on to its
   * checks while that report is written.
   */
  Path loadEnded() {
    return loadEndedBeside(outcomes());
  }

  static Path loadEndedBeside(Path outcomes) {
    return outcomes.resolveSibling("load-ended.txt");
  }

  /**
   * The epoch millis at which a fork started ahead of its plan had Gatling started and began to
   * wait for the plan, written by the fork.
   */
  Path ready() {
    return readyBeside(plan());
  }

  static Path readyBeside(Path plan) {
    return plan.resolveSibling("gatling-ready.txt");
  }

  /** Writes an instant to {@code file} atomically, as epoch millis; false if it could not. */
  static boolean writeStamp(Path file, long epochMillis) {
    try {
      Path partial = file.resolveSibling(file.getFileName() + ".partial");
      Files.writeString(partial, Long.toString(epochMillis));
      Files.move(
          partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The instant {@link #writeStamp} wrote, if it is there yet. */
  static Optional<Instant> readStamp(Path file) {
    try {
      if (Files.isRegularFile(file)) {
        return Optional.of(Instant.ofEpochMilli(Long.parseLong(Files.readString(file).trim())));
      }
    } catch (IOException | NumberFormatException e) {
      // not written yet: the writer moves a whole file into place, so this is a race with a delete
    }
    return Optional.empty();
  }

  /**
   * The CPU time the fork spent from the start of its simulation (its plan read) to its end, in
   * nanoseconds, written by the fork when the simulation ends.
   */
  Path cpu() {
    return runDir.resolve("load-cpu.txt");
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
  /**
   * Makes the plan's reader and writer and the outcomes' writer ready before they are first needed:
   * the first use of each costs hundreds of milliseconds of class loading, in the harness (writing
   * the plan) as in the fork (reading it).
   */
  static void warmUpJson() {
    JSON.readerFor(LoadPlan.class);
    JSON.writerFor(LoadPlan.class);
    JSON.writerFor(RequestOutcome.class);
    try {
      JSON.writerWithDefaultPrettyPrinter()
          .writeValueAsString(
              JSON.readTree("{\"warm\": [1, 2.5, \"up\", true, null, {\"a\": \"PT1S\"}]}"));
    } catch (IOException e) {
      throw new IllegalStateException("Jackson cannot read a constant", e);
    }
  }

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
