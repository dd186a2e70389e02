package dev.faultline.check;

import dev.faultline.experiment.CheckSpec;
import dev.faultline.experiment.CheckSpecs;
import dev.faultline.experiment.CounterConsistencySpec;
import java.net.URI;

/** Builds the check a spec declares: one implementation per kind, chosen by the spec's kind. */
public final class Checks {

  private static final CheckSpec.Cases<Check> IMPLEMENTATIONS =
      new CheckSpec.Cases<>() {
        @Override
        public Check counterConsistency(CounterConsistencySpec spec) {
          return new CounterConsistencyCheck(spec);
        }

        @Override
        public Check timeoutsFire(CheckSpecs.TimeoutsFire spec) {
          return new TimeoutsFireCheck(spec);
        }

        @Override
        public Check noThreadLeak(CheckSpecs.NoThreadLeak spec) {
          return new NoThreadLeakCheck(spec);
        }

        @Override
        public Check noDeadlock(CheckSpecs.NoDeadlock spec) {
          return new NoDeadlockCheck(spec);
        }

        @Override
        public Check invariant(CheckSpecs.Invariant spec) {
          return new InvariantCheck(spec, spec.name(), spec.kindName());
        }

        @Override
        public Check responseTime(CheckSpecs.ResponseTime spec) {
          return new ResponseTimeCheck(spec);
        }

        @Override
        public Check errorRate(CheckSpecs.ErrorRate spec) {
          return new ErrorRateCheck(spec);
        }

        @Override
        public Check lockContention(CheckSpecs.LockContention spec) {
          return new LockContentionCheck(spec);
        }
      };

  private Checks() {}

  public static Check of(CheckSpec spec) {
    return spec.match(IMPLEMENTATIONS);
  }

  /**
   * The timeout counter a timeouts-fire check reads ({@code stats} + {@code counter}), now. Throws
   * {@link dev.faultline.InfrastructureException} saying why when it cannot be read.
   */
  public static long timeoutCounter(CheckSpecs.TimeoutsFire spec, URI baseUrl) {
    return new TimeoutsFireCheck(spec).counterBeforeLoad().orElseThrow().read(baseUrl).value();
  }

  /** A steady-state probe, reported as {@code steady-state:<probe name>}. */
  public static Check steadyState(CheckSpecs.Invariant probe) {
    return new InvariantCheck(probe, "steady-state:" + probe.name(), "steady-state");
  }
}
