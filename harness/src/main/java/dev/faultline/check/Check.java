package dev.faultline.check;

/** One property an experiment asserts. Implementations are immutable and thread-safe. */
public interface Check {

  /** The check's name in the experiment; every message uses it. */
  String name();

  /** Evaluates the check after load and rollback; waits, if at all, only with a bound. */
  CheckResult evaluate(CheckContext context);
}
