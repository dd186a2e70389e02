package dev.faultline.run;

import dev.faultline.check.CheckContext;
import dev.faultline.experiment.Experiment;
import dev.faultline.launch.Target;
import dev.faultline.load.LoadResult;
import dev.faultline.load.RequestOutcome;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the checks of a scheduled run read: the targets, the load's outcomes (measured ones from
 * {@code measuredStart}) and when each fault reached the service. Immutable once built.
 */
final class LoadCheckContext implements CheckContext {

  private final Experiment experiment;
  private final Map<String, Target> targets;
  private final LoadResult result;
  private final Instant measuredStart;
  private final FaultSchedule faults;

  LoadCheckContext(
      Experiment experiment,
      Map<String, Target> targets,
      LoadResult result,
      Instant measuredStart,
      FaultSchedule faults) {
    this.experiment = experiment;
    this.targets = Map.copyOf(targets);
    this.result = result;
    this.measuredStart = measuredStart;
    this.faults = faults;
  }

  @Override
  public URI baseUrl(String target) {
    return targets.get(target).baseUrl();
  }

  @Override
  public List<RequestOutcome> outcomes(String step) {
    return LoadHealth.measured(result.ofStep(step), measuredStart);
  }

  @Override
  public List<RequestOutcome> allOutcomes(String step) {
    return result.ofStep(step);
  }

  @Override
  public Duration requestTimeout() {
    return experiment.requestTimeout();
  }

  @Override
  public List<Window> faultWindows() {
    return LoadHealth.windows(faults.reach());
  }
}
