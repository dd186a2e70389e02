package dev.faultline.e2e.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.experiment.ExperimentLoader;
import dev.faultline.experiment.Launch;
import dev.faultline.experiment.LoadedExperiment;
import dev.faultline.report.JournalEvent;
import dev.faultline.report.RunRecord;
import dev.faultline.report.Verdict;
import dev.faultline.run.Console;
import dev.faultline.run.ExperimentRun;
import dev.faultline.run.RunOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same experiment files — the catalog's network drills and a worker-kill drill — run with
 * {@code launch: process} and with {@code launch: container}, give the same verdicts; and a
 * container run — passed, failed, aborted — leaves no container and no network behind.
 */
class ContainerModeIT {

  private static final Path HOME =
      Path.of(System.getProperty("faultline.home", "..")).toAbsolutePath().normalize();

  @TempDir Path reports;

  @BeforeEach
  void dockerAndImagesAreHere() {
    DockerForTests.requireDockerAndImages();
  }

  @AfterEach
  void thisJvmOwnsNothingInDocker() {
    if (!DockerForTests.usable()) {
      return;
    }
    assertThat(DockerForTests.leftoversOfThisJvm())
        .as("containers and networks left by this JVM's runs")
        .isEmpty();
  }

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void theLatencyDrillHasTheSameVerdictWithProcessAndContainerLaunch() {
    assertSameVerdictBothWays(HOME.resolve("experiments/counter-latency.yaml"), Verdict.MET);
  }

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void theResetPeerDrillHasTheSameVerdictWithProcessAndContainerLaunch() {
    assertSameVerdictBothWays(HOME.resolve("experiments/counter-reset.yaml"), Verdict.MET);
  }

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void theKillWithAStopConditionDrillHasTheSameVerdictWithProcessAndContainerLaunch() {
    RunRecord container =
        assertSameVerdictBothWays(experiment("counter-kill.yaml"), Verdict.ABORTED);
    assertThat(container.verdictSentence()).contains("target counter died");
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void theKillAndRestartDrillHasTheSameVerdictWithProcessAndContainerLaunch() {
    RunRecord container =
        assertSameVerdictBothWays(
            HOME.resolve("experiments/counter-kill-restart.yaml"), Verdict.MET);
    assertThat(container.events().stream().map(JournalEvent::message).toList())
        .as("the container was killed through Docker and came back")
        .anySatisfy(line -> assertThat(line).contains("docker kill of target counter"))
        .anySatisfy(line -> assertThat(line).contains("healthy again"));
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void theDurableCounterLosesNothingAcknowledgedWhenItsContainerIsKilledAndRestarted() {
    RunRecord container =
        assertSameVerdictBothWays(
            HOME.resolve("experiments/counter-kill-durable.yaml"), Verdict.MET);
    assertThat(container.checks())
        .as("the journal in the container's own file system survived the kill")
        .anySatisfy(
            check ->
                assertThat(check.evidence().toString())
                    .contains("acknowledged ids was applied exactly once"));
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aContainerRunThatFailsToProvisionLeavesNothingBehind() {
    RunRecord r =
        run(experiment("counter-never-healthy.yaml"), Launch.CONTAINER, new Console(System.out));

    assertThat(r.verdict()).as(r.verdictSentence()).isEqualTo(Verdict.ERROR);
    assertThat(r.verdictSentence())
        .contains("target counter:")
        .contains("did not become healthy at /no-such-health");
    assertThat(DockerForTests.leftoversOfRun(r.runId())).isEmpty();
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void anAbortedContainerRunRollsBackAndLeavesNothingBehind() throws Exception {
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    PrintStream both =
        new PrintStream(new TeeStream(seen, System.out), true, StandardCharsets.UTF_8);
    LoadedExperiment loaded =
        ExperimentLoader.load(experiment("counter-long.yaml")).withBuiltinLaunch(Launch.CONTAINER);
    ExperimentRun run = new ExperimentRun(loaded, new RunOptions(reports, HOME, new Console(both)));
    CompletableFuture<RunRecord> running = CompletableFuture.supplyAsync(run::execute);

    await("the fault of the long run is on")
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> running.isDone() || text(seen).contains("fault slow-network on"));
    run.abort("aborted by the test");
    RunRecord r = running.get(60, TimeUnit.SECONDS);

    assertThat(r.verdict()).as(r.verdictSentence()).isEqualTo(Verdict.ABORTED);
    assertThat(text(seen))
        .as("the fault was rolled back before teardown")
        .contains("fault slow-network off");
    assertThat(DockerForTests.leftoversOfRun(r.runId())).isEmpty();
  }

  private RunRecord assertSameVerdictBothWays(Path file, Verdict expected) {
    RunRecord process = run(file, Launch.PROCESS, new Console(System.out));
    RunRecord container = run(file, Launch.CONTAINER, new Console(System.out));

    assertThat(process.verdict())
        .as("process launch: " + process.verdictSentence())
        .isEqualTo(expected);
    assertThat(container.verdict())
        .as("container launch: " + container.verdictSentence())
        .isEqualTo(process.verdict());
    assertThat(container.yaml())
        .as("the report shows the override")
        .startsWith("# launch: container for every built-in target");
    assertThat(DockerForTests.leftoversOfRun(container.runId()))
        .as("left in Docker after " + container.runId())
        .isEmpty();
    return container;
  }

  private RunRecord run(Path file, Launch launch, Console console) {
    LoadedExperiment loaded = ExperimentLoader.load(file).withBuiltinLaunch(launch);
    return new ExperimentRun(loaded, new RunOptions(reports, HOME, console)).execute();
  }

  static Path experiment(String file) {
    try {
      return Path.of(ContainerModeIT.class.getResource(file).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(ByteArrayOutputStream out) {
    synchronized (out) {
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
