package dev.faultline.check;

import dev.faultline.experiment.CheckSpecs;
import dev.faultline.profile.ProfileException;
import dev.faultline.profile.TargetProfile;

/** Reads the target's recording per window and judges it with {@link LockContentions}. */
record LockContentionCheck(CheckSpecs.LockContention spec)
    implements SpecCheck<CheckSpecs.LockContention> {

  @Override
  public CheckResult evaluate(CheckContext context) {
    TargetProfile profile;
    try {
      profile = context.profile(spec.target());
    } catch (ProfileException e) {
      return notEvaluated(LockContentions.MEASURED, e.getMessage());
    }
    return LockContentions.judge(spec, profile);
  }
}
