package dev.faultline.load;

import dev.faultline.process.ChildProcesses;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * Starts load: runs a {@link LoadPlan} with Gatling in a forked JVM (Gatling's only public entry
 * point calls {@code System.exit}). Stateless and thread-safe.
 *
 * <p>The run folder receives {@code load-plan.json}, {@code outcomes.jsonl} (one JSON {@link
 * RequestOutcome} per line), {@code gatling.log} (the fork's console) and {@code
 * gatling/<simulation>-<timestamp>/index.html} (Gatling's report).
 */
public final class GatlingLoad {

  private GatlingLoad() {}

  /**
   * Forks the Gatling JVM and returns at once; the fork is registered with {@link ChildProcesses}.
   */
  public static LoadRun start(LoadPlan plan, Path runDir) {
    ForkFiles files = prepareFolder(plan.experiment(), runDir);
    files.writePlan(plan);
    return new LoadRun(plan, files, fork(plan.experiment(), ForkCommand.of(plan, files), files));
  }

  /**
   * Forks the Gatling JVM ahead of its plan, so that its start-up overlaps the targets' start-up;
   * the fork loads Gatling and waits (bounded) until {@link PreparedLoad#start} hands it the plan.
   */
  public static PreparedLoad prepare(String experiment, Duration requestTimeout, Path runDir) {
    ForkFiles files = prepareFolder(experiment, runDir);
    Process fork = fork(experiment, ForkCommand.of(experiment, requestTimeout, files, true), files);
    // the plan is written once the targets are up; make its writer ready while they start
    Thread warmUp = new Thread(ForkFiles::warmUpJson, "faultline-json-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
    return new PreparedLoad(experiment, requestTimeout, files, fork);
  }

  static ForkFiles prepareFolder(String experiment, Path runDir) {
    ForkFiles files = new ForkFiles(runDir);
    try {
      Files.createDirectories(files.gatlingResults());
      Files.deleteIfExists(files.plan());
      Files.deleteIfExists(files.outcomes());
      Files.deleteIfExists(files.cpu());
      Files.createFile(files.outcomes());
      copyLogbackConfig(files.logbackConfig());
    } catch (IOException e) {
      throw new LoadException(
          "cannot prepare the run folder "
              + runDir
              + " for the load of '"
              + experiment
              + "': "
              + e.getMessage(),
          e);
    }
    return files;
  }

  static Process fork(String experiment, List<String> command, ForkFiles files) {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(files.runDir().toFile())
            .redirectErrorStream(true)
            .redirectOutput(files.gatlingLog().toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE);
    Process fork;
    try {
      fork = builder.start();
    } catch (IOException e) {
      throw new LoadException(
          "cannot start the Gatling fork for '" + experiment + "': " + e.getMessage(), e);
    }
    return ChildProcesses.register("gatling load of " + experiment, fork);
  }

  private static void copyLogbackConfig(Path target) throws IOException {
    try (InputStream in = GatlingLoad.class.getResourceAsStream("gatling-logback.xml")) {
      if (in == null) {
        throw new IOException(
            "resource dev/faultline/load/gatling-logback.xml is missing from the classpath");
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
