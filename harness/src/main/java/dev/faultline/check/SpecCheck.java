package dev.faultline.check;

import dev.faultline.experiment.CheckSpec;
import java.util.List;

/**
 * What every check built from its spec shares: the spec, the name it reports under, and how it says
 * it could not be judged. Implementations are records of their spec, immutable and thread-safe.
 */
interface SpecCheck<S extends CheckSpec> extends Check {

  /** What the experiment declared. */
  S spec();

  @Override
  default String name() {
    return spec().name();
  }

  /** An ERROR: the check could not be judged, and why. */
  default CheckResult error(String measured, String bound, String observed, String why) {
    return new CheckResult(
        spec().name(),
        spec().kindName(),
        CheckStatus.ERROR,
        measured,
        bound,
        observed,
        List.of(why));
  }

  /** An ERROR for a judgement that could not be made: evaluable expected, not evaluated seen. */
  default CheckResult notEvaluated(String measured, String why) {
    return error(measured, "evaluable", "not evaluated", why);
  }
}
