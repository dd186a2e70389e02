package dev.faultline.report;

/** Whether a run met its experiment's expectation; each maps to a CLI exit code. */
public enum Verdict {
  /** Every check held (expect: pass), or the control's bug was caught (expect: caught). Exit 0. */
  MET,
  /** A check failed (expect: pass), or a control's bug went unseen (expect: caught). Exit 1. */
  NOT_MET,
  /**
   * The load did not exercise the service — too few requests outside fault windows were ok — so the
   * checks prove nothing either way (a control's catch included). Exit 1.
   */
  INCONCLUSIVE,
  /** A stop condition or the operator aborted the run; every fault was rolled back. Exit 1. */
  ABORTED,
  /** Faultline could not run the experiment (target would not start, ...): no verdict. Exit 3. */
  ERROR
}
