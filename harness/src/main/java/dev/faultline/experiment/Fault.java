package dev.faultline.experiment;

import java.util.Set;

/**
 * The kind of a fault and its parameters. Each kind says what it needs of the run ({@link
 * #needs()}) and is told apart by {@link #match}, which every place handling kinds implements in
 * full: a new kind fails to compile until each of them handles it.
 */
public sealed interface Fault
    permits ToxicFault,
        TargetFaults.KillProcess,
        TargetFaults.PauseProcess,
        TargetFaults.KillWorker,
        TargetFaults.Assault {

  /** What a fault needs of the run besides its target. */
  enum Need {
    /** A Toxiproxy proxy, declared or made for a target's calls. */
    PROXY,
    /** Chaos Monkey for Spring Boot on the target's actuator. */
    CHAOS_MONKEY
  }

  /** One case per kind (every network kind in one); {@link #match} calls the one of the kind. */
  interface Cases<R> {
    R toxic(ToxicFault fault);

    R killProcess(TargetFaults.KillProcess fault);

    R pauseProcess(TargetFaults.PauseProcess fault);

    R killWorker(TargetFaults.KillWorker fault);

    R assault(TargetFaults.Assault fault);
  }

  /** The target the fault acts on; null for a network fault, which acts on a proxy. */
  default String target() {
    return null;
  }

  /** What the fault needs of the run. */
  default Set<Need> needs() {
    return Set.of();
  }

  /** The case of this fault's kind. */
  <R> R match(Cases<R> cases);

  /** The YAML key of this kind. */
  default String kindName() {
    Key key = getClass().getAnnotation(Key.class);
    return key == null ? getClass().getSimpleName() : key.value();
  }
}
