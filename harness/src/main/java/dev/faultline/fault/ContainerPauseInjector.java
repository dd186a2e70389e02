package dev.faultline.fault;

import dev.faultline.experiment.FaultSpec;
import dev.faultline.launch.ContainerControl;
import java.util.LinkedHashMap;
import java.util.Map;

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
    return new ActivePause(fault.name(), System.nanoTime());
  }

  private final class ActivePause extends OnceRollback {
    private final long pausedAtNanos;
    private volatile long pausedMillis = -1;

    ActivePause(String name, long pausedAtNanos) {
      super(name);
      this.pausedAtNanos = pausedAtNanos;
    }

    @Override
    protected void undo() {
      container.unpause();
      pausedMillis = (System.nanoTime() - pausedAtNanos) / 1_000_000;
    }

    @Override
    public Map<String, String> figures() {
      Map<String, String> f = new LinkedHashMap<>();
      f.put("target", target);
      f.put("container", container.containerId().substring(0, 12));
      if (pausedMillis >= 0) {
        f.put("pausedMillis", String.valueOf(pausedMillis));
      }
      return f;
    }

    @Override
    public String summary() {
      return pausedMillis < 0
          ? ""
          : "container of " + target + " paused for " + pausedMillis / 1000.0 + " s, then unpaused";
    }
  }
}
