package dev.faultline.check;

import dev.faultline.experiment.CheckSpecs;
import java.util.List;

/** Narrows the step's requests to the declared scope and judges them with {@link ResponseTimes}. */
final class ResponseTimeCheck implements Check {

  private final CheckSpecs.ResponseTime spec;

  ResponseTimeCheck(CheckSpecs.ResponseTime spec) {
    this.spec = spec;
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public CheckResult evaluate(CheckContext context) {
    RequestScope.Selection s =
        RequestScope.select(context, spec.load(), spec.during(), spec.outsideFaults());
    if (s.error() != null) {
      return new CheckResult(
          spec.name(),
          spec.kindName(),
          CheckStatus.ERROR,
          "the p" + spec.percentile() + " latency of " + s.words(),
          "evaluable",
          "not evaluated",
          List.of(s.error()));
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
