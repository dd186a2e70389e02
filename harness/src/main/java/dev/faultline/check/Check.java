package dev.faultline.check;

import java.util.Optional;

/** One property an experiment asserts. Implementations are immutable and thread-safe. */
public interface Check {

  /** The check's name in the experiment; every message uses it. */
  String name();

  /** Evaluates the check after load and rollback; waits, if at all, only with a bound. */
  CheckResult evaluate(CheckContext context);

  /**
   * The counter this check reads before load as well as after, so that it judges the change over
   * the load; empty when it reads none.
   */
  default Optional<CounterBeforeLoad> counterBeforeLoad() {
    return Optional.empty();
  }
}
