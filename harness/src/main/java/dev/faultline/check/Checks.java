package dev.faultline.check;

import dev.faultline.InfrastructureException;
import dev.faultline.experiment.CheckSpec;
import dev.faultline.experiment.CheckSpecs;
import dev.faultline.experiment.CounterConsistencySpec;
import java.net.URI;

/** Builds the check a spec declares. */
public final class Checks {

  private Checks() {}

  public static Check of(CheckSpec spec) {
    if (spec instanceof CounterConsistencySpec c) {
      return new CounterConsistencyCheck(c);
    }
    if (spec instanceof CheckSpecs.TimeoutsFire t) {
      return new TimeoutsFireCheck(t);
    }
    if (spec instanceof CheckSpecs.NoThreadLeak n) {
      return new NoThreadLeakCheck(n);
    }
    if (spec instanceof CheckSpecs.NoDeadlock d) {
      return new NoDeadlockCheck(d);
    }
    if (spec instanceof CheckSpecs.ResponseTime r) {
      return new ResponseTimeCheck(r);
    }
    if (spec instanceof CheckSpecs.ErrorRate r) {
      return new ErrorRateCheck(r);
    }
    if (spec instanceof CheckSpecs.Invariant i) {
      return new InvariantCheck(i, i.name(), i.kindName());
    }
    throw new IllegalArgumentException("no check implements " + spec.kindName());
  }

  /** A steady-state probe, reported as {@code steady-state:<probe name>}. */
  public static Check steadyState(CheckSpecs.Invariant probe) {
    return new InvariantCheck(probe, "steady-state:" + probe.name(), "steady-state");
  }

  /**
   * The timeout counter a timeouts-fire check reads ({@code stats} + {@code counter}), now; the run
   * reads it before load so the check can tell whether it moved. Throws {@link
   * InfrastructureException} saying why when it cannot be read.
   */
  public static long timeoutCounter(CheckSpecs.TimeoutsFire spec, URI baseUrl) {
    try {
      return TimeoutsFireCheck.readCounter(spec, baseUrl);
    } catch (TargetReader.CheckFailedToRun e) {
      throw new InfrastructureException(spec.name() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The counter (and applied ids) a counter-consistency check reads, now; the run reads it before
   * load so the check judges the increase over the load, not the value since the service started.
   * Throws {@link InfrastructureException} saying why when it cannot be read.
   */
  public static CounterBounds.Reading counterReading(CounterConsistencySpec spec, URI baseUrl) {
    try {
      return CounterConsistencyCheck.read(spec, baseUrl);
    } catch (TargetReader.CheckFailedToRun e) {
      throw new InfrastructureException(spec.name() + ": " + e.getMessage(), e);
    }
  }
}
