package dev.faultline.check;

/** The outcome of one check. */
public enum CheckStatus {
  /** The property held. */
  PASSED,
  /** The property was violated: the evidence says how. */
  FAILED,
  /**
   * The check could not be evaluated (target unreachable, data missing): no verdict on the system.
   */
  ERROR
}
