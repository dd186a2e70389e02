package dev.faultline.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.check.CheckStatus;
import dev.faultline.report.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a catalog experiment through the public API only, as an embedding caller would: it starts
 * the built-in counter and forks Gatling (needs {@code builtin/target/faultline-builtin.jar}).
 */
class FaultlineRunIT {

  @TempDir Path reports;

  private static Path home() {
    return Path.of(System.getProperty("faultline.home", "..")).toAbsolutePath().normalize();
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void a_catalog_experiment_runs_to_its_verdict_and_the_listener_hears_it_happen() {
    List<String> heard = new CopyOnWriteArrayList<>();
    RunListener listener =
        new RunListener() {
          @Override
          public void phase(String phase, String message) {
            heard.add("phase " + phase);
          }

          @Override
          public void checkFinished(CheckOutcome check) {
            heard.add("check " + check.name() + " " + check.status());
          }
        };
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    ExperimentFile experiment = Faultline.load(home().resolve("experiments/counter-locked.yaml"));

    RunResult result =
        Faultline.run(
            experiment,
            RunSettings.reportsIn(reports)
                .withHome(home())
                .withOutput(new PrintStream(console, true, StandardCharsets.UTF_8))
                .withListener(listener));

    String printed = console.toString(StandardCharsets.UTF_8);
    assertThat(result.verdict()).as(printed).isEqualTo(Verdict.MET);
    assertThat(result.expectationMet()).isTrue();
    assertThat(result.experiment()).isEqualTo("counter-locked");
    assertThat(result.error()).isNull();
    assertThat(result.checks()).extracting(CheckOutcome::name).contains("counter-consistency");
    CheckOutcome counter = result.check("counter-consistency");
    assertThat(counter.status()).isEqualTo(CheckStatus.PASSED);
    assertThat(counter.message()).startsWith("counter-consistency passed: ");
    assertThat(result.verdictSentence()).startsWith("Met: ");
    assertThat(result.runFolder()).isDirectory().hasParent(reports);
    assertThat(result.report()).isRegularFile().hasFileName("index.html");
    assertThat(result.journal()).isRegularFile().hasFileName("journal.json");
    assertThat(result.junitXml()).isRegularFile().hasFileName("junit.xml");
    assertThat(heard)
        .as("phases and checks, in the order they happened")
        .containsSubsequence(
            "phase provision",
            "phase load",
            "phase checks",
            "check counter-consistency PASSED",
            "phase teardown");
    assertThat(printed).contains("[counter-locked] Met: ");
  }
}
