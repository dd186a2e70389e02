package dev.faultline.experiment;

/** The kind of a fault and its parameters. */
public sealed interface Fault
    permits ToxicFault,
        ProcessFaults.KillProcess,
        ProcessFaults.PauseProcess,
        ProcessFaults.KillWorker,
        ProcessFaults.Assault {

  /** The YAML key of this kind. */
  default String kindName() {
    Key key = getClass().getAnnotation(Key.class);
    return key == null ? getClass().getSimpleName() : key.value();
  }
}
