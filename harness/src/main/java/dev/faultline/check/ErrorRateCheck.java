package dev.faultline.check;

import dev.faultline.experiment.CheckSpecs;

/** Narrows the step's requests to the declared scope and judges them with {@link ErrorRates}. */
record ErrorRateCheck(CheckSpecs.ErrorRate spec) implements SpecCheck<CheckSpecs.ErrorRate> {

  @Override
  public CheckResult evaluate(CheckContext context) {
    RequestScope.Selection s =
        RequestScope.select(context, spec.load(), spec.during(), spec.outsideFaults());
    return s.error() != null
        ? notEvaluated("the share not ok of " + s.words(), s.error())
        : ErrorRates.judge(spec.name(), s.requests(), s.words(), spec.atMost());
  }
}
