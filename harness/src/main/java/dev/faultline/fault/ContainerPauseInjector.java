package dev.faultline.fault;

import dev.faultline.experiment.FaultSpec;
import dev.faultline.launch.ContainerControl;

/**
 * Pauses a container target with {@code docker pause} (the cgroup freezer: every thread of it
 * stops, its connections stay open, nothing answers) while the fault is on; rollback runs {@code
 * docker unpause}. If the harness exits first, the exit hook unpauses it, and the run's container
 * session removes it anyway. Thread-safe.
 */
record ContainerPauseInjector(String target, ContainerControl container) implements FaultInjector {

  @Override
  public ActiveFault apply(FaultSpec fault) {
    container.pause();
    return new ActivePause(fault.name());
  }

  /** A paused container; rollback unpauses it. */
  private final class ActivePause extends PausedTarget {
    ActivePause(String name) {
      super(name, target, "container", container.containerId().substring(0, 12));
    }

    @Override
    protected void resume() {
      container.unpause();
    }

    @Override
    protected String summary(String target, double pausedSeconds) {
      return "container of " + target + " paused for " + pausedSeconds + " s, then unpaused";
    }
  }
}
