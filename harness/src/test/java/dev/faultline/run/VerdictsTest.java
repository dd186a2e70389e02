package dev.faultline.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.check.CheckResult;
import dev.faultline.check.CheckStatus;
import dev.faultline.experiment.Experiment;
import dev.faultline.experiment.ExperimentLoader;
import dev.faultline.report.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictsTest {

  private static final List<String> ALL_404 =
      List.of(
          "step orders: only 0 of 10 requests outside fault windows were ok (0.0%, below min-ok 90%)");

  @TempDir Path dir;

  private Experiment experiment(String expect) throws IOException {
    Path file = dir.resolve(expect + ".yaml");
    Files.writeString(
        file,
        """
                name: shop
                expect: %s
                targets:
                  shop: {builtin: counter}
                load:
                  - {name: orders, target: shop, request: GET /orders, rate: 10/s, duration: 1s}
                checks:
                  - no-deadlock: {target: shop}
                """
            .formatted(expect));
    return ExperimentLoader.load(file).experiment();
  }

  private static CheckResult check(CheckStatus status) {
    return new CheckResult(
        "no-deadlock",
        "no-deadlock",
        status,
        "deadlocks",
        "none",
        status == CheckStatus.PASSED ? "none" : "a cycle",
        List.of("cycle: a → b → a"));
  }

  @Test
  void checks_that_held_on_a_load_that_did_not_work_are_inconclusive_not_met() throws IOException {
    Judgement j =
        Verdicts.judge(experiment("pass"), List.of(check(CheckStatus.PASSED)), null, null, ALL_404);

    assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(j.sentence())
        .isEqualTo(
            "Inconclusive: the load did not exercise the service — step orders: only 0 of 10 requests outside fault windows"
                + " were ok (0.0%, below min-ok 90%). Fix the load (path, target, health) or warm the service up; the checks that held (no-deadlock) prove nothing.");
  }

  @Test
  void a_control_caught_on_a_load_that_did_not_work_is_inconclusive() throws IOException {
    Judgement j =
        Verdicts.judge(
            experiment("caught"), List.of(check(CheckStatus.FAILED)), null, null, ALL_404);

    assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(j.sentence())
        .startsWith("Inconclusive (control): the load did not exercise the service")
        .endsWith("a catch on a service that did not work proves nothing.");
  }

  @Test
  void a_failed_check_stays_not_met_and_an_exercised_run_stays_met() throws IOException {
    assertThat(
            Verdicts.judge(
                    experiment("pass"), List.of(check(CheckStatus.FAILED)), null, null, ALL_404)
                .verdict())
        .isEqualTo(Verdict.NOT_MET);
    assertThat(
            Verdicts.judge(
                    experiment("pass"), List.of(check(CheckStatus.PASSED)), null, null, List.of())
                .verdict())
        .isEqualTo(Verdict.MET);
    assertThat(
            Verdicts.judge(experiment("pass"), List.of(), null, "stop-when tripped", ALL_404)
                .verdict())
        .as("an abort says so first")
        .isEqualTo(Verdict.ABORTED);
  }
}
