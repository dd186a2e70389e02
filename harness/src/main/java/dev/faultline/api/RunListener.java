package dev.faultline.api;

/**
 * Told what a run does as it does it. Every method has a default that does nothing, so a listener
 * overrides only what it needs. Methods are called on the run's threads (faults from a scheduler
 * thread); they must be quick and must not throw.
 */
public interface RunListener {

  /**
   * The run reached a phase — {@code provision}, {@code load}, {@code checks}, {@code teardown},
   * {@code abort} — or a step within one (the load starting, the load ending).
   *
   * @param message what happened, in one sentence (as in the journal)
   */
  default void phase(String phase, String message) {}

  /** A fault was switched on. */
  default void faultInjected(String fault, String message) {}

  /** A fault was switched off: rolled back. */
  default void faultRolledBack(String fault, String message) {}

  /** A check the experiment declares was evaluated. */
  default void checkFinished(CheckOutcome check) {}
}
