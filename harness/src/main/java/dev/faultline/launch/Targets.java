package dev.faultline.launch;

import dev.faultline.experiment.Launch;
import dev.faultline.experiment.TargetSpec;

/** Starts (or attaches to) a target as its spec says. */
public final class Targets {

  private Targets() {}

  /**
   * Starts the target and returns once it is healthy; throws {@link TargetStartException} (with the
   * log's last lines) if it exits or stays unhealthy past its startup timeout.
   */
  public static Target start(String name, TargetSpec spec, TargetLaunch launch) {
    if (spec.url() != null) {
      return AttachedTarget.attach(name, spec);
    }
    if (spec.launch() == Launch.CONTAINER) {
      if (launch.containers() == null) {
        throw new TargetStartException(
            name,
            "launch: container needs the run's container session; start it through a Deployment, "
                + "or pass a ContainerSession in the TargetLaunch");
      }
      return ContainerTarget.start(name, spec, launch, launch.containers());
    }
    return ProcessTarget.start(name, spec, launch);
  }
}
