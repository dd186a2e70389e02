package dev.faultline.maven;

import dev.faultline.api.ExperimentFile;
import dev.faultline.api.Faultline;
import dev.faultline.api.RunResult;
import dev.faultline.api.RunSettings;
import dev.faultline.experiment.InvalidExperimentException;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs the project's experiments, one after another, and records each verdict for goal {@code
 * verify}. Never fails the build for a verdict — only for experiment files that are invalid (each
 * error as {@code file:line:column: field: what}, nothing started) — so that every target is torn
 * down and every report written first. Each run's JUnit XML is copied beside Failsafe's, where CI
 * servers pick it up. Not marked thread-safe: two projects' runs at once would compete for the
 * machine they measure, and Maven warns of that in a parallel build ({@code -T}).
 */
@Mojo(name = "run", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = false)
public final class RunMojo extends FaultlineMojo {

  /** Console lines of the runs (the harness's own progress and summary table). */
  static final String CONSOLE_LOG = "faultline-console.log";

  /**
   * Experiment files, or folders whose {@code *.yaml} and {@code *.yml} files are run (not their
   * subfolders), in name order. Default: {@code src/faultline}.
   */
  @Parameter(property = "faultline.experiments")
  List<File> experiments;

  /**
   * The folder that {@code jar:} paths in experiments are relative to (Faultline's home): the
   * project's folder, so {@code jar: target/app.jar} is the jar this build packaged. Built-in
   * targets need a Faultline checkout here instead (its {@code
   * builtin/target/faultline-builtin.jar}).
   */
  @Parameter(property = "faultline.home", defaultValue = "${project.basedir}")
  File home;

  /** Where the runs' JUnit XML is copied, as {@code TEST-faultline-<experiment>.xml}. */
  @Parameter(
      property = "faultline.junitDirectory",
      defaultValue = "${project.build.directory}/failsafe-reports")
  File junitDirectory;

  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  File basedir;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Faultline: skipped (faultline.skip)");
      return;
    }
    List<ExperimentFile> files = load(ExperimentPaths.of(basedir.toPath(), experiments));
    try {
      Files.deleteIfExists(summary().file());
      Files.createDirectories(reportsDirectory.toPath());
      RunSummary summary = runAll(files);
      summary().write(summary);
      printReports(summary);
    } catch (IOException e) {
      throw new MojoExecutionException("Faultline: cannot write to " + reportsDirectory, e);
    }
  }

  private List<ExperimentFile> load(List<Path> paths) throws MojoFailureException {
    List<ExperimentFile> files = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (Path path : paths) {
      try {
        files.add(Faultline.load(path));
      } catch (InvalidExperimentException e) {
        errors.add(e.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      throw new MojoFailureException(String.join("\n", errors) + "\nNothing was started.");
    }
    return files;
  }

  private RunSummary runAll(List<ExperimentFile> files) throws IOException {
    List<RunSummary.Entry> runs = new ArrayList<>();
    Path console = reportsDirectory.toPath().resolve(CONSOLE_LOG);
    try (PrintStream out =
        new PrintStream(Files.newOutputStream(console), true, StandardCharsets.UTF_8)) {
      for (int i = 0; i < files.size(); i++) {
        ExperimentFile file = files.get(i);
        getLog().info("Faultline: experiment " + (i + 1) + "/" + files.size() + ": " + file);
        RunSettings settings =
            RunSettings.reportsIn(reportsDirectory.toPath())
                .withHome(home.toPath())
                .withOutput(out)
                .withListener(new MavenLogListener(getLog(), file.name()));
        RunResult result = Faultline.run(file, settings);
        copyJunitXml(result);
        runs.add(RunSummary.Entry.of(result));
        logVerdict(result);
      }
    }
    return new RunSummary(runs);
  }

  private void copyJunitXml(RunResult result) throws IOException {
    if (Files.isRegularFile(result.junitXml())) {
      Files.createDirectories(junitDirectory.toPath());
      Path copy = junitDirectory.toPath().resolve("TEST-faultline-" + result.experiment() + ".xml");
      Files.copy(result.junitXml(), copy, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private void logVerdict(RunResult result) {
    String line = "[" + result.experiment() + "] " + result.verdictSentence();
    if (result.expectationMet()) {
      getLog().info(line);
    } else {
      getLog().warn(line + (result.error() == null ? "" : " (" + result.error() + ")"));
    }
  }

  private void printReports(RunSummary summary) {
    getLog().info("Faultline reports:");
    for (RunSummary.Entry run : summary.runs()) {
      getLog().info("  " + run.experiment() + " " + run.verdict() + ": " + run.report());
    }
    getLog().info("  history: " + reportsDirectory.toPath().resolve("index.html"));
  }
}
