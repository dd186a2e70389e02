package dev.faultline.profile;

import java.util.Objects;

/**
 * How much of the total one frame held, inclusive of its callees, in a baseline tree and in the
 * tree compared with it; a row of the "what grew under the fault" table. Shares are fractions of
 * each tree's total, 0 to 1.
 *
 * @param frame the frame as it was added, {@code class.method}
 * @param shareBefore its inclusive share of the baseline's total
 * @param shareNow its inclusive share of this tree's total
 */
public record FrameGrowth(String frame, double shareBefore, double shareNow) {

  public FrameGrowth {
    Objects.requireNonNull(frame, "frame");
  }

  /** How much the share grew, in fractions of the total: 0.25 is 25 percentage points. */
  public double growth() {
    return shareNow - shareBefore;
  }

  /** The frame without its package: "LockedCounter.increment". */
  public String label() {
    return FrameLabels.shortName(frame);
  }
}
