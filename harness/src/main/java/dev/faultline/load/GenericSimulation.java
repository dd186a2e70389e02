package dev.faultline.load;

import io.gatling.javaapi.core.Simulation;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The one Gatling simulation of Faultline (not API; Gatling instantiates it inside the fork). It
 * reads the {@link LoadPlan} from the JSON file named by {@value ForkFiles#PLAN_PROPERTY}, runs one
 * scenario per step, all at once, and appends every request's {@link RequestOutcome} to the file
 * named by {@value ForkFiles#OUTCOMES_PROPERTY}.
 *
 * <p>The run is bounded by Gatling's {@code maxDuration}: the plan's active time, plus one request
 * timeout, plus a margin.
 */
public class GenericSimulation extends Simulation {

  private static final Duration MAX_DURATION_MARGIN = Duration.ofSeconds(5);

  private final OutcomeRecorder recorder;

  public GenericSimulation() {
    LoadPlan plan = ForkFiles.readPlan(Path.of(requiredProperty(ForkFiles.PLAN_PROPERTY)));
    recorder = new OutcomeRecorder(Path.of(requiredProperty(ForkFiles.OUTCOMES_PROPERTY)));
    OperationIds ids = OperationIds.fresh();
    setUp(
            plan.steps().stream()
                .map(step -> new StepScenario(step, recorder, ids).population())
                .toList())
        .maxDuration(plan.activeFor().plus(plan.requestTimeout()).plus(MAX_DURATION_MARGIN));
  }

  @Override
  public void after() {
    recorder.close();
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
