package dev.faultline.builtin.batch;

import dev.faultline.builtin.support.NamedThreadFactory;
import dev.faultline.builtin.support.SimulatedWork;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Phaser;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;

/**
 * Runs batches of tasks on a fixed pool of {@code batch-worker-N} threads and waits for them the
 * way the variant says. Tasks are handed over with {@code execute}, not {@code submit}, so that a
 * task's Error really kills its worker (the pool then starts a replacement). Thread-safe.
 */
final class BatchRunner implements AutoCloseable {

  private final BatchVariant variant;
  private final SimulatedWork halfTask;
  private final Duration timeout;
  private final FailurePlan failures;
  private final BatchStats stats;
  private final ThreadPoolExecutor workers;
  private final AtomicLong batchIds = new AtomicLong();

  BatchRunner(
      BatchVariant variant,
      int workerCount,
      Duration taskWork,
      Duration timeout,
      FailurePlan failures,
      BatchStats stats) {
    this.variant = variant;
    this.halfTask = new SimulatedWork(taskWork.dividedBy(2));
    this.timeout = timeout;
    this.failures = failures;
    this.stats = stats;
    this.workers =
        new ThreadPoolExecutor(
            workerCount,
            workerCount,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            new NamedThreadFactory("batch-worker"));
  }

  /** What one batch request answers. */
  record BatchResult(
      long batch, int submitted, long done, long failed, boolean completeWhenReturned) {}

  BatchResult run(int size) throws InterruptedException {
    long id = batchIds.incrementAndGet();
    stats.batchesStarted.increment();
    LongAdder done = new LongAdder();
    LongAdder failed = new LongAdder();
    switch (variant) {
      case FINALLY ->
          executeLatched(id, size, done, failed, BatchRunner::countDownInFinally)
              .await(timeout.toMillis(), TimeUnit.MILLISECONDS); // a bound, as any wait should have
      case SUCCESS_ONLY ->
          executeLatched(id, size, done, failed, BatchRunner::countDownOnSuccessOnly).await();
      case ADD_INSIDE -> runRegisteringInsideTheTask(id, size, done, failed);
    }
    BatchResult result =
        new BatchResult(id, size, done.sum(), failed.sum(), done.sum() + failed.sum() == size);
    stats.batchesCompleted.increment();
    if (!result.completeWhenReturned()) {
      stats.returnedIncomplete.increment();
    }
    return result;
  }

  /** Hands every task to the workers, each wrapped by how the variant counts it down. */
  private CountDownLatch executeLatched(
      long id,
      int size,
      LongAdder done,
      LongAdder failed,
      BiFunction<Runnable, CountDownLatch, Runnable> countingDown) {
    CountDownLatch latch = new CountDownLatch(size);
    for (int task = 0; task < size; task++) {
      workers.execute(countingDown.apply(task(id, task, done, failed), latch));
    }
    return latch;
  }

  private static Runnable countDownInFinally(Runnable body, CountDownLatch latch) {
    return finallyRun(body, latch::countDown); // also when the task dies: the batch always finishes
  }

  /** {@code body}, then {@code after} whether or not {@code body} died. */
  private static Runnable finallyRun(Runnable body, Runnable after) {
    return () -> {
      try {
        body.run();
      } finally {
        after.run();
      }
    };
  }

  /** BUGGY TWIN, on purpose: a task that dies never counts down (and the wait has no bound). */
  private static Runnable countDownOnSuccessOnly(Runnable body, CountDownLatch latch) {
    return () -> {
      body.run();
      latch.countDown();
    };
  }

  /**
   * BUGGY TWIN, on purpose: the Go "wg.Add inside the goroutine". A task registers with the Phaser
   * only once it runs and has set up, so a waiter that arrives first finds nobody to wait for and
   * returns while the batch is still running.
   */
  private void runRegisteringInsideTheTask(long id, int size, LongAdder done, LongAdder failed) {
    Phaser phaser = new Phaser(1); // the waiter's own party
    for (int task = 0; task < size; task++) {
      PhaserParty party = new PhaserParty(phaser);
      Runnable body = task(id, task, done, failed, party::join);
      workers.execute(finallyRun(body, party::leave));
    }
    phaser.arriveAndAwaitAdvance();
  }

  /** One task's membership of a batch Phaser; used by one worker thread only. */
  private static final class PhaserParty {
    private final Phaser phaser;
    private boolean joined;

    PhaserParty(Phaser phaser) {
      this.phaser = phaser;
    }

    void join() {
      phaser.register();
      joined = true;
    }

    void leave() {
      if (joined) {
        phaser.arriveAndDeregister();
      }
    }
  }

  private Runnable task(long batch, int task, LongAdder done, LongAdder failed) {
    return task(batch, task, done, failed, () -> {});
  }

  /**
   * One task: set-up (half its work), {@code afterSetUp}, maybe death, the other half. The outcome
   * is recorded around the body whatever the variant, because it is the ground truth, not part of
   * the mechanism under test.
   */
  private Runnable task(
      long batch, int task, LongAdder done, LongAdder failed, Runnable afterSetUp) {
    boolean dies = failures.nextTaskFails();
    stats.tasksSubmitted.increment();
    return () -> {
      boolean ok = false;
      try {
        halfTask.run();
        afterSetUp.run();
        if (dies) {
          throw new WorkerKilledError(batch, task);
        }
        halfTask.run();
        ok = true;
      } finally {
        (ok ? done : failed).increment();
        (ok ? stats.tasksDone : stats.tasksFailed).increment();
      }
    };
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
