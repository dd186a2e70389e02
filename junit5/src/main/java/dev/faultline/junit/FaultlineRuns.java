package dev.faultline.junit;

import dev.faultline.api.ExperimentFile;
import dev.faultline.api.Faultline;
import dev.faultline.api.RunResult;
import dev.faultline.api.RunSettings;
import java.nio.file.Path;
import org.opentest4j.AssertionFailedError;

/**
 * Loads and runs experiments from a test's code, with reports where the test's {@link
 * FaultlineExperiment#reports()} says ({@code target/faultline} by default). A test gets one as a
 * parameter:
 *
 * <pre>{@code
 * @Test
 * @ExtendWith(FaultlineExtension.class)
 * void ordersHoldUnderLatency(FaultlineRuns runs) {
 *   ExperimentFile experiment =
 *       runs.load(Path.of("src/test/faultline/orders.yaml")).withTargetUrl("orders", serviceUrl);
 *   runs.assertMet(experiment);
 * }
 * }</pre>
 *
 * Immutable and thread-safe; runs that share a reports folder should not overlap.
 */
public final class FaultlineRuns {

  private final RunSettings settings;

  FaultlineRuns(RunSettings settings) {
    this.settings = settings;
  }

  /** Where run folders go. */
  public Path reports() {
    return settings.reports();
  }

  /**
   * Loads and validates an experiment file; a relative path is taken from the working directory.
   *
   * @throws dev.faultline.experiment.InvalidExperimentException listing every error in the file,
   *     each as {@code file:line:column: field: what} with a {@code fix:} line
   */
  public ExperimentFile load(Path file) {
    return Faultline.load(file);
  }

  /** Runs the experiment to its end, writes its reports and returns what it concluded. */
  public RunResult run(ExperimentFile experiment) {
    return Faultline.run(experiment, settings);
  }

  /**
   * Runs the experiment and returns its result if it was met.
   *
   * @throws AssertionFailedError when it was not met (not met, inconclusive, aborted, or no
   *     verdict), with the verdict sentence and, on the next line, {@code report: <path>}
   */
  public RunResult assertMet(ExperimentFile experiment) {
    return requireMet(run(experiment));
  }

  /** {@code result} if it was met; otherwise an {@link AssertionFailedError} saying why. */
  static RunResult requireMet(RunResult result) {
    if (!result.expectationMet()) {
      throw new AssertionFailedError(failure(result));
    }
    return result;
  }

  /** The verdict sentence, and where the report is. */
  static String failure(RunResult result) {
    return result.verdictSentence() + "\nreport: " + result.report().toAbsolutePath().normalize();
  }
}
