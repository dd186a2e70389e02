package dev.faultline.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The one Gatling simulation of Faultline (not API; Gatling instantiates it inside the fork). It
 * reads the {@link LoadPlan} from the JSON file named by {@value ForkFiles#PLAN_PROPERTY}, runs one
 * scenario per step, all at once, and appends every request's {@link RequestOutcome} to the file
 * named by {@value ForkFiles#OUTCOMES_PROPERTY}.
 *
 * <p>A fork started ahead of its plan ({@link GatlingLoad#prepare}) starts Gatling at once and
 * waits for the plan here, in the constructor, so that Gatling's own start-up (configuration, actor
 * system, DSL) overlaps the targets' start instead of following the plan.
 *
 * <p>When every user has ended it writes {@code load-ended.txt}: the harness reads the outcomes
 * then, and Gatling's HTML report is written while the harness runs its checks.
 *
 * <p>When the simulation ends, the CPU time it cost is written for {@link LoadRun#forkCpuTime}.
 *
 * <p>The run is bounded by Gatling's {@code maxDuration}: the plan's active time, plus one request
 * timeout, plus a margin.
 */
public class GenericSimulation extends Simulation {

  private static final Duration MAX_DURATION_MARGIN = Duration.ofSeconds(5);

  private final OutcomeRecorder recorder;
  private final Path outcomesFile;
  private final ForkCpu cpu;

  public GenericSimulation() {
    Path planFile = Path.of(requiredProperty(ForkFiles.PLAN_PROPERTY));
    if (Boolean.getBoolean(ForkCommand.WAIT_FOR_PLAN_PROPERTY)) {
      warmUp();
      ForkFiles.writeStamp(ForkFiles.readyBeside(planFile), System.currentTimeMillis());
      awaitPlan(planFile);
    }
    LoadPlan plan = ForkFiles.readPlan(planFile);
    cpu = new ForkCpu();
    outcomesFile = Path.of(requiredProperty(ForkFiles.OUTCOMES_PROPERTY));
    recorder = new OutcomeRecorder(outcomesFile);
    OperationIds ids = OperationIds.fresh();
    setUp(
            plan.steps().stream()
                .map(step -> new StepScenario(step, recorder, ids).population())
                .toList())
        .maxDuration(plan.activeFor().plus(plan.requestTimeout()).plus(MAX_DURATION_MARGIN));
  }

  /**
   * Loads and initialises, while the harness still starts the targets, what reading the plan and
   * building its scenarios need: the plan's JSON reader and Gatling's DSL. Builds nothing that runs
   * or sends.
   */
  private static void warmUp() {
    ForkFiles.warmUpJson();
    http.baseUrl("http://127.0.0.1:1").disableWarmUp().disableFollowRedirect();
    scenario("warm-up")
        .exec(
            doIf(session -> session.contains("warm-up"))
                .then(
                    exec(
                        http("warm-up")
                            .post("/")
                            .body(StringBody("{}"))
                            .check(status().saveAs("status"), status().in(200)))))
        .injectOpen(nothingFor(Duration.ofMillis(1)), constantUsersPerSec(1).during(1));
  }

  private static void awaitPlan(Path planFile) {
    try {
      GatlingForkMain.awaitPlan(planFile);
    } catch (IOException e) {
      throw new LoadException("cannot watch for the load plan " + planFile + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LoadException("interrupted while waiting for the load plan " + planFile, e);
    }
  }

  /**
   * Every user has ended: flushes the outcomes, then tells the harness the load is over, before
   * Gatling goes on to write its HTML report (up to a second or more of the fork's time).
   */
  @Override
  public void after() {
    recorder.close();
    cpu.writeSpent();
    ForkFiles.writeStamp(ForkFiles.loadEndedBeside(outcomesFile), System.currentTimeMillis());
  }

  private static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new LoadException(
          "system property "
              + name
              + " is not set; GenericSimulation runs only in a fork started by GatlingLoad");
    }
    return value;
  }
}
