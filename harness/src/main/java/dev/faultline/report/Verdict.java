package dev.faultline.report;

/** Whether a run met its experiment's expectation; each maps to a CLI exit code. */
public enum Verdict {
    /** Every check held (expect: pass), or the control's bug was caught (expect: caught). Exit 0. */
    MET,
    /** A check failed (expect: pass), or a control's bug went unseen (expect: caught). Exit 1. */
    NOT_MET,
    /** A stop condition or the operator aborted the run; every fault was rolled back. Exit 1. */
    ABORTED,
    /** Faultline could not run the experiment (target would not start, ...): no verdict. Exit 3. */
    ERROR
}
