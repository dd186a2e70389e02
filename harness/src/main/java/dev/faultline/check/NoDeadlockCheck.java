package dev.faultline.check;

import dev.faultline.experiment.CheckSpecs;
import dev.faultline.load.RequestOutcome;
import dev.faultline.observe.DeadlockReport;
import dev.faultline.observe.ObserveException;
import java.util.List;

/**
 * Takes one more deadlock sample after load and judges it, the samples of the load and the outcomes
 * with {@link Deadlocks}.
 */
record NoDeadlockCheck(CheckSpecs.NoDeadlock spec) implements SpecCheck<CheckSpecs.NoDeadlock> {

  @Override
  public CheckResult evaluate(CheckContext context) {
    DeadlockReport after = null;
    String unseen = null;
    try {
      after = context.observer(spec.target()).deadlocks();
    } catch (ObserveException e) {
      unseen = e.getMessage();
    }
    List<RequestOutcome> requests =
        spec.load() != null
            ? context.outcomes(spec.load())
            : context.steps().stream().flatMap(s -> context.outcomes(s).stream()).toList();
    return Deadlocks.judge(
        spec.name(),
        spec.target(),
        context.deadlocksDuringLoad(spec.target()).orElse(null),
        after,
        unseen,
        requests,
        spec.bound());
  }
}
