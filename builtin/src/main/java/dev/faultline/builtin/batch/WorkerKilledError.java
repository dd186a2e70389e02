package dev.faultline.builtin.batch;

/**
 * Thrown inside a task to kill its worker thread mid-task, like a panicking goroutine: an Error, so
 * no {@code catch (Exception)} swallows it, and uncaught, so the pool loses the thread.
 */
final class WorkerKilledError extends Error {

  private static final long serialVersionUID = 1L;

  WorkerKilledError(long batch, int task) {
    super(
        "task " + task + " of batch " + batch + " killed mid-task (injected failure)",
        null,
        false, // no suppression, no stack trace: the kill is injected, its stack says nothing
        false);
  }
}
