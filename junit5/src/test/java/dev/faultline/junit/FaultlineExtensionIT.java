package dev.faultline.junit;

import static dev.faultline.junit.KitRuns.firstFailure;
import static dev.faultline.junit.KitRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.api.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;

/**
 * The extension in a real build's shape: test classes run by the JUnit Platform (through its
 * EngineTestKit, as Failsafe would run them), real runs of short experiments, a counter service on
 * 127.0.0.1. The nested classes are the user's tests; Failsafe leaves them alone (its default
 * excludes skip nested classes) and only these tests run them.
 */
class FaultlineExtensionIT {

  private static final Path REPORTS = Path.of("target/faultline");
  private static CounterService counter;

  @BeforeAll
  static void startCounter() throws IOException {
    counter = CounterService.start(0);
  }

  @AfterAll
  static void stopCounter() {
    counter.close();
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void a_class_whose_experiment_is_met_passes_every_test_on_one_run() throws IOException {
    ClassLevelMet.results.clear();
    Path reports = Path.of("target/faultline-class-level");
    Set<Path> before = runFolders(reports);

    Events tests = run(ClassLevelMet.class);

    tests.assertStatistics(s -> s.started(2).succeeded(2).failed(0));
    assertThat(ClassLevelMet.results).hasSize(2);
    RunResult result = ClassLevelMet.results.get(0);
    assertThat(ClassLevelMet.results.get(1))
        .as("both tests were given the one run of the class")
        .isSameAs(result);
    assertThat(result.verdictSentence())
        .isEqualTo("Met: all 2 checks held (counter-consistency, error-rate).");
    assertThat(runFolders(reports)).as("one run for the class").hasSize(before.size() + 1);
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void an_experiment_not_met_fails_the_test_with_the_verdict_sentence_and_the_report()
      throws IOException {
    Set<Path> before = runFolders(REPORTS);

    Events tests = run(NotMetInCode.class);

    tests.assertStatistics(s -> s.started(1).failed(1));
    Set<Path> made = runFolders(REPORTS);
    made.removeAll(before);
    assertThat(made).as("the run's folder").hasSize(1);
    Path report = made.iterator().next().resolve("index.html").toAbsolutePath().normalize();
    assertThat(firstFailure(tests))
        .isExactlyInstanceOf(AssertionFailedError.class)
        .hasMessage(
            "Not met (control): the harness failed to see the bug — any check should have failed"
                + " but every check held.\n"
                + "report: "
                + report);
    assertThat(report).exists();
    assertThat(counter.value())
        .as("the run's load went to the counter this test started, not to one the file starts")
        .isPositive();
    assertThat(made.iterator().next().resolve("experiment.yaml"))
        .as("the YAML as run names the override")
        .content()
        .startsWith("# targets.counter: attached at " + counter.url() + " (override in code)\n");
  }

  /** Runs at class level: one run of a file that starts its own counter, then both tests. */
  @FaultlineExperiment(
      value = "src/test/faultline/counter-started.yaml",
      reports = "target/faultline-class-level")
  static class ClassLevelMet {

    static final List<RunResult> results = new CopyOnWriteArrayList<>();

    @Test
    void the_first_test_sees_the_run(RunResult result) {
      results.add(result);
    }

    @Test
    void the_second_test_sees_the_same_run(RunResult result) {
      results.add(result);
    }
  }

  /** Runs in code: the control file, its counter attached at the service this IT started. */
  @ExtendWith(FaultlineExtension.class)
  static class NotMetInCode {

    @Test
    void a_control_on_a_correct_counter(FaultlineRuns runs) {
      runs.assertMet(
          runs.load(Path.of("src/test/faultline/counter-control.yaml"))
              .withTargetUrl("counter", counter.url()));
    }
  }

  private static Set<Path> runFolders(Path reports) throws IOException {
    if (!Files.isDirectory(reports)) {
      return new HashSet<>();
    }
    try (Stream<Path> folders = Files.list(reports)) {
      return folders.filter(Files::isDirectory).collect(Collectors.toCollection(HashSet::new));
    }
  }
}
