package dev.faultline.fault;

import dev.faultline.experiment.FaultSpec;

/** Switches faults on. Implementations are thread-safe. */
public interface FaultInjector {

  /** Applies the fault now; throws {@link FaultException} naming the fault if it cannot. */
  ActiveFault apply(FaultSpec fault);
}
