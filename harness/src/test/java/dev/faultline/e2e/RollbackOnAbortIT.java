package dev.faultline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.experiment.ExperimentLoader;
import dev.faultline.experiment.LoadedExperiment;
import dev.faultline.launch.Target;
import dev.faultline.launch.TargetLaunch;
import dev.faultline.launch.Targets;
import dev.faultline.process.ExitGuardian;
import dev.faultline.process.StoppedProcesses;
import dev.faultline.report.JournalEvent;
import dev.faultline.report.RunRecord;
import dev.faultline.report.Verdict;
import dev.faultline.run.Console;
import dev.faultline.run.ExperimentRun;
import dev.faultline.run.RunOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in the middle of faults: the run is aborted while an assault is on, a downstream is paused
 * and a killed target is being restarted. Afterwards Chaos Monkey is off on the target that is
 * still up, nothing is left stopped, and no process the run started is left behind.
 */
class RollbackOnAbortIT {

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void abortingARunMidFaultDisablesChaosMonkeyResumesThePausedProcessAndLeavesNoChildProcess(
      @TempDir Path folder) throws Exception {
    Path home = Path.of(System.getProperty("faultline.home"));
    // The assaulted counter is attached by URL, so it outlives the run and can be read afterwards.
    try (Target counter =
        Targets.start(
            "counter",
            ExperimentLoader.load(write(folder, "probe.yaml", yaml("http://127.0.0.1:1")))
                .experiment()
                .targets()
                .get("victim"),
            new TargetLaunch(folder, home, Map.of()))) {
      URI base = counter.baseUrl();
      LoadedExperiment loaded =
          ExperimentLoader.load(write(folder, "abort.yaml", yaml(base.toString())));
      ByteArrayOutputStream console = new ByteArrayOutputStream();
      ExperimentRun run =
          new ExperimentRun(
              loaded,
              new RunOptions(
                  folder.resolve("reports"),
                  home,
                  new Console(new PrintStream(console, true, StandardCharsets.UTF_8))));
      CompletableFuture<RunRecord> execution = CompletableFuture.supplyAsync(run::execute);

      await("assault on and downstream paused")
          .atMost(Duration.ofSeconds(150))
          .pollInterval(Duration.ofMillis(200))
          .failFast("the run ended early:\n" + console, execution::isDone)
          .until(() -> !StoppedProcesses.stopped().isEmpty() && chaosMonkeyEnabled(base));
      long paused = StoppedProcesses.stopped().keySet().iterator().next();
      run.abort("aborted by the test, mid-fault");
      assertThat(run.awaitFinished(Duration.ofSeconds(60))).as("cleanup finished in time").isTrue();
      RunRecord record = execution.get(10, TimeUnit.SECONDS);

      assertThat(record.verdict()).as(console.toString()).isEqualTo(Verdict.ABORTED);
      assertThat(chaosMonkeyEnabled(base))
          .as("Chaos Monkey disabled on the target still up")
          .isFalse();
      JsonNode assaults = Drill.json(base, "GET", "/actuator/chaosmonkey/assaults");
      assertThat(assaults.path("latencyActive").asBoolean()).isFalse();
      assertThat(StoppedProcesses.stopped()).as("nothing left stopped").isEmpty();
      assertThat(offEvent(record, "hung").data())
          .as("resumed before teardown")
          .containsKey("pausedMillis");
      assertThat(offEvent(record, "slow").message()).contains("verified off");
      assertThat(ProcessHandle.of(paused).map(ProcessHandle::isAlive).orElse(false))
          .as("paused downstream stopped at teardown")
          .isFalse();
      List<ProcessHandle> left =
          ProcessHandle.current()
              .descendants()
              .filter(
                  p ->
                      p.pid() != counter.process().orElseThrow().pid()
                          && p.pid() != ExitGuardian.pid().orElse(-1)
                          && p.isAlive())
              .toList();
      assertThat(left)
          .as(
              "no child process left but the test's own counter: %s",
              left.stream().map(p -> p.info().commandLine().orElse("?")).toList())
          .isEmpty();
      assertThat(record.events()).extracting(JournalEvent::type).doesNotContain("error");
    }
  }

  private static JournalEvent offEvent(RunRecord record, String fault) {
    return record.events().stream()
        .filter(e -> e.name().equals(fault) && "off".equals(e.data().get("state")))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no rollback of " + fault + " in the journal: " + record.events()));
  }

  private static boolean chaosMonkeyEnabled(URI base) {
    return Drill.json(base, "GET", "/actuator/chaosmonkey/status").path("enabled").asBoolean();
  }

  private static Path write(Path folder, String name, String yaml) throws Exception {
    return Files.writeString(folder.resolve(name), yaml);
  }

  private static String yaml(String counterUrl) {
    return """
                name: abort-mid-fault
                budget: 3m
                targets:
                  counter: { url: "%s" }
                  downstream: { builtin: downstream }
                  victim: { builtin: counter }
                load:
                  - { name: work, target: downstream, request: "GET /work?ms=1", rate: 10/s, duration: 60s }
                  - { name: increments, target: counter, request: POST /counter/increment, rate: 10/s, duration: 60s }
                faults:
                  - name: slow
                    assault: { target: counter, latency: { min: 50ms, max: 100ms } }
                  - name: hung
                    pause-process: { target: downstream }
                    for: 50s
                  - name: crash
                    kill-process: { target: victim, restart-after: 1s }
                checks:
                  - counter-consistency: { target: counter, load: increments }
                """
        .formatted(counterUrl);
  }
}
