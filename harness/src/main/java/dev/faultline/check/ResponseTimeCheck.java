package dev.faultline.check;

import dev.faultline.experiment.CheckSpecs;

/** Narrows the step's requests to the declared scope and judges them with {@link ResponseTimes}. */
record ResponseTimeCheck(CheckSpecs.ResponseTime spec)
    implements SpecCheck<CheckSpecs.ResponseTime> {

  @Override
  public CheckResult evaluate(CheckContext context) {
    RequestScope.Selection s =
        RequestScope.select(context, spec.load(), spec.during(), spec.outsideFaults());
    if (s.error() != null) {
      return notEvaluated("the p" + spec.percentile() + " latency of " + s.words(), s.error());
    }
    return ResponseTimes.judge(
        spec.name(),
        spec.target(),
        s.requests(),
        s.words(),
        spec.percentile(),
        spec.atMost(),
        context.requestTimeout());
  }
}
