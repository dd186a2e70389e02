package dev.faultline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.check.CheckStatus;
import dev.faultline.experiment.ExperimentLoader;
import dev.faultline.process.ExitGuardian;
import dev.faultline.report.RunRecord;
import dev.faultline.report.Verdict;
import dev.faultline.run.Console;
import dev.faultline.run.RunOptions;
import dev.faultline.run.Suite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One real run of the whole pipeline: built-in target, Gatling fork, counter check, reports. */
class WalkingSkeletonIT {

  @TempDir Path dir;

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void the_locked_counter_passes_and_the_racy_control_is_caught_with_reports_and_no_process_left()
      throws IOException {
    List<Path> files =
        List.of(
            E2eSupport.counterExperiment(dir, "locked", "pass"),
            E2eSupport.counterExperiment(dir, "racy", "caught"));
    Path reports = dir.resolve("reports");
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    List<RunRecord> runs =
        new Suite(
                new RunOptions(
                    reports,
                    E2eSupport.home(),
                    new Console(new PrintStream(console, true, StandardCharsets.UTF_8))))
            .run(ExperimentLoader.loadAll(files));

    RunRecord locked = runs.get(0);
    RunRecord racy = runs.get(1);
    assertThat(locked.verdict()).as(locked.verdictSentence()).isEqualTo(Verdict.MET);
    assertThat(locked.checks())
        .singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo(CheckStatus.PASSED));
    assertThat(locked.load().get(0).ok()).as("requests acknowledged").isGreaterThan(50);

    assertThat(racy.verdict()).as(racy.verdictSentence()).isEqualTo(Verdict.MET);
    assertThat(racy.checks())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.status()).isEqualTo(CheckStatus.FAILED);
              assertThat(c.evidence().get(0)).startsWith("lost updates: ");
            });
    assertThat(racy.verdictSentence())
        .startsWith("Met (control): the known bug was caught by counter-consistency");
    assertThat(Suite.exitCode(runs)).isZero();

    for (RunRecord r : runs) {
      assertThat(r.folder().resolve("index.html")).isRegularFile();
      assertThat(r.folder().resolve("journal.json")).isRegularFile();
      assertThat(r.folder().resolve("junit.xml")).isRegularFile();
      assertThat(r.folder().resolve("target-counter.log")).isRegularFile();
      assertThat(r.artifacts()).containsKey("Gatling report");
      assertThat(r.folder().resolve(r.artifacts().get("Gatling report"))).isRegularFile();
    }
    assertThat(Files.readString(racy.folder().resolve("index.html"))).contains("lost updates");
    assertThat(reports.resolve("index.html")).isRegularFile();
    assertThat(reports.resolve("junit.xml")).isRegularFile();
    long guardian =
        ExitGuardian.pid()
            .orElse(-1); // stays for the JVM's life: it is what stops children after a SIGKILL
    assertThat(
            ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.pid() != guardian)
                .toList())
        .as("child processes left")
        .isEmpty();
    assertThat(console.toString(StandardCharsets.UTF_8)).contains("load running", "req/s");
  }
}
