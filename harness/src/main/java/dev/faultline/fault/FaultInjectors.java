package dev.faultline.fault;

import dev.faultline.experiment.Fault;
import dev.faultline.experiment.FaultSpec;
import dev.faultline.experiment.TargetFaults;
import dev.faultline.experiment.ToxicFault;
import dev.faultline.launch.ContainerControl;
import dev.faultline.launch.Target;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.util.Map;

/**
 * Picks the injector for each fault of a run: network faults go to Toxiproxy, process faults to the
 * operating system (to Docker for container targets), worker kills and assaults to the target's own
 * control endpoints. Thread-safe.
 */
public final class FaultInjectors {

  private final Map<String, Target> targets;
  private final ToxiproxyClient toxiproxy;
  private final long seed;
  private final FaultEvents events;

  /**
   * @param targets the run's targets by name (looked up when a fault switches on, so a map filled
   *     later works)
   * @param toxiproxy the run's Toxiproxy client, or null when the run has no proxies
   * @param seed the experiment's seed, for faults that draw at random (kill-worker's rate)
   * @param events where faults report what happens while they are on
   */
  public FaultInjectors(
      Map<String, Target> targets, ToxiproxyClient toxiproxy, long seed, FaultEvents events) {
    this.targets = targets;
    this.toxiproxy = toxiproxy;
    this.seed = seed;
    this.events = events;
  }

  /** The injector for {@code fault}; throws {@link FaultException} if what it needs is missing. */
  public FaultInjector forFault(FaultSpec fault) {
    return fault.kind().match(new InjectorOf(fault));
  }

  /** One injector per kind: network faults share Toxiproxy's, the rest act on the target. */
  private final class InjectorOf implements Fault.Cases<FaultInjector> {

    private final FaultSpec fault;

    InjectorOf(FaultSpec fault) {
      this.fault = fault;
    }

    @Override
    public FaultInjector toxic(ToxicFault toxic) {
      if (toxiproxy == null) {
        throw new FaultException(
            fault.name(),
            "a network fault needs a proxy, and this run has none; declare the proxy or a target's calls");
      }
      return new ToxicInjector(toxiproxy);
    }

    @Override
    public FaultInjector killProcess(TargetFaults.KillProcess kill) {
      return new ProcessKillInjector(target(fault, kill.target()), events);
    }

    @Override
    public FaultInjector pauseProcess(TargetFaults.PauseProcess pause) {
      Target t = target(fault, pause.target());
      return t instanceof ContainerControl c
          ? new ContainerPauseInjector(t.name(), c)
          : new ProcessPauseInjector(t);
    }

    @Override
    public FaultInjector killWorker(TargetFaults.KillWorker kill) {
      return new WorkerKillInjector(target(fault, kill.target()), seed);
    }

    @Override
    public FaultInjector assault(TargetFaults.Assault assault) {
      return new ChaosMonkeyInjector(target(fault, assault.target()));
    }
  }

  private Target target(FaultSpec fault, String name) {
    Target t = targets.get(name);
    if (t == null) {
      throw new FaultException(
          fault.name(),
          "target "
              + name
              + " is not running in this run; running: "
              + String.join(", ", targets.keySet()));
    }
    return t;
  }
}
