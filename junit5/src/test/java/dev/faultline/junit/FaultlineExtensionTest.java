package dev.faultline.junit;

import static dev.faultline.junit.KitRuns.failureOf;
import static dev.faultline.junit.KitRuns.firstFailure;
import static dev.faultline.junit.KitRuns.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.faultline.api.RunResult;
import dev.faultline.experiment.InvalidExperimentException;
import dev.faultline.report.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;

/**
 * The extension's wiring and messages, with no run: test classes run through the EngineTestKit
 * whose experiments cannot start (a missing file), and verdicts built by hand. Real runs are in
 * {@link FaultlineExtensionIT}.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class FaultlineExtensionTest {

  private static final String MISSING = "src/test/faultline/missing.yaml";

  @Test
  void a_test_whose_experiment_file_is_missing_fails_with_the_loaders_error() {
    Events tests = run(MissingOnMethod.class);

    tests.assertStatistics(s -> s.started(1).failed(1));
    assertThat(firstFailure(tests))
        .isInstanceOf(InvalidExperimentException.class)
        .hasMessage(
            "1 error in experiment files:\n"
                + MISSING
                + ":1:1: cannot read the file: "
                + MISSING
                + "\n    fix: check the path and its permissions");
  }

  @Test
  void a_class_experiment_is_tried_once_and_every_test_of_the_class_fails_on_it() {
    Events tests = run(MissingOnClass.class);

    tests.assertStatistics(s -> s.started(2).failed(2));
    assertThat(failureOf(tests.failed().list().get(1)))
        .as("the second test is given what the first attempt found, not a second attempt")
        .isSameAs(firstFailure(tests));
  }

  @Test
  void a_run_result_parameter_needs_an_annotated_experiment() {
    Events tests = run(ResultWithoutExperiment.class);

    assertThat(firstFailure(tests))
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessage(
            "a RunResult parameter is the result of the experiment of @FaultlineExperiment on the"
                + " test method or its class, and wants_a_result(RunResult) has none; to run an"
                + " experiment in code, take a FaultlineRuns parameter");
  }

  @Test
  void runs_in_code_report_where_the_annotation_says_or_under_target_faultline() {
    ReportsFolders.seen.clear();

    run(ReportsFolders.class).assertStatistics(s -> s.started(1).failed(1)); // the missing file
    run(ReportsFoldersByDefault.class).assertStatistics(s -> s.started(1).succeeded(1));

    assertThat(ReportsFolders.seen)
        .containsEntry("annotated", Path.of("target/drills"))
        .containsEntry("default", Path.of("target/faultline"));
  }

  @Test
  void a_run_not_met_fails_with_the_verdict_sentence_and_the_reports_absolute_path() {
    RunResult notMet =
        result(Verdict.NOT_MET, "Not met: no-deadlock failed — 3 threads in a cycle.");

    AssertionFailedError e =
        catchThrowableOfType(AssertionFailedError.class, () -> FaultlineRuns.requireMet(notMet));

    assertThat(e.getMessage())
        .isEqualTo(
            "Not met: no-deadlock failed — 3 threads in a cycle.\nreport: "
                + Path.of("target/faultline/run/index.html").toAbsolutePath());
  }

  @Test
  void a_run_met_is_returned_as_it_is() {
    RunResult met = result(Verdict.MET, "Met: its one check held (no-deadlock).");

    assertThat(FaultlineRuns.requireMet(met)).isSameAs(met);
  }

  private static RunResult result(Verdict verdict, String sentence) {
    Path folder = Path.of("target/faultline/run");
    return new RunResult(
        "orders",
        verdict,
        sentence,
        List.of(),
        folder,
        folder.resolve("index.html"),
        folder.resolve("journal.json"),
        folder.resolve("junit.xml"),
        null);
  }

  static class MissingOnMethod {
    @Test
    @FaultlineExperiment(MISSING)
    void runs_a_missing_file() {}
  }

  @FaultlineExperiment(MISSING)
  static class MissingOnClass {
    @Test
    void first() {}

    @Test
    void second() {}
  }

  @ExtendWith(FaultlineExtension.class)
  static class ResultWithoutExperiment {
    @Test
    void wants_a_result(RunResult result) {}
  }

  static class ReportsFolders {
    static final Map<String, Path> seen = new ConcurrentHashMap<>();

    @BeforeEach
    void before(FaultlineRuns runs) {
      seen.put("annotated", runs.reports());
    }

    @Test
    @FaultlineExperiment(value = MISSING, reports = "target/drills")
    void annotated() {}
  }

  @ExtendWith(FaultlineExtension.class)
  static class ReportsFoldersByDefault {
    @Test
    void by_default(FaultlineRuns runs) {
      ReportsFolders.seen.put("default", runs.reports());
    }
  }
}
