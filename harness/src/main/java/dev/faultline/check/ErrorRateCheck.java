package dev.faultline.check;

import dev.faultline.experiment.CheckSpecs;
import java.util.List;

/** Narrows the step's requests to the declared scope and judges them with {@link ErrorRates}. */
final class ErrorRateCheck implements Check {

  private final CheckSpecs.ErrorRate spec;

  ErrorRateCheck(CheckSpecs.ErrorRate spec) {
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
          "the share not ok of " + s.words(),
          "evaluable",
          "not evaluated",
          List.of(s.error()));
    }
    return ErrorRates.judge(spec.name(), s.requests(), s.words(), spec.atMost());
  }
}
