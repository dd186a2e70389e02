package dev.faultline.builtin.pool;

import dev.faultline.builtin.support.NamedThreadFactory;
import dev.faultline.builtin.support.SimulatedWork;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A fixed set of {@code job-worker-N} threads, started once, fed through a bounded queue; a full
 * queue rejects. Closing drains the queue for a bounded time, then cancels (interrupts) the
 * workers, whose jobs stop at the interrupt. Thread-safe.
 */
final class JobPool implements AutoCloseable {

  private static final Duration DRAIN_BOUND = Duration.ofSeconds(2);

  private final PoolVariant variant;
  private final SimulatedWork jobWork;
  private final Duration requestTimeout;
  private final ThreadPoolExecutor workers;
  private final ThreadFactory waiterThreads = new NamedThreadFactory("job-waiter");
  private final AtomicInteger liveWaiters = new AtomicInteger();
  private final LongAdder submitted = new LongAdder();
  private final LongAdder completed = new LongAdder();
  private final LongAdder rejected = new LongAdder();

  JobPool(
      PoolVariant variant,
      int workerCount,
      int queueCapacity,
      Duration jobWork,
      Duration requestTimeout) {
    this.variant = variant;
    this.jobWork = new SimulatedWork(jobWork);
    this.requestTimeout = requestTimeout;
    this.workers =
        new ThreadPoolExecutor(
            workerCount,
            workerCount,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(queueCapacity),
            new NamedThreadFactory("job-worker"),
            new ThreadPoolExecutor.AbortPolicy());
    workers.prestartAllCoreThreads(); // started once, here, not per request
  }

  /** What one request got: jobs accepted, rejected, and completed before it answered. */
  record Submission(int submitted, int accepted, int rejected, long completed) {}

  /** Ground truth of the pool. */
  record Stats(
      String variant,
      long submitted,
      long completed,
      long rejected,
      int liveWorkers,
      int liveWaiters) {}

  Submission submit(int count) throws InterruptedException {
    CountDownLatch finished = new CountDownLatch(count);
    if (variant == PoolVariant.LEAKY) {
      startWaiterNobodyFeeds(count);
    }
    int accepted = 0;
    for (int i = 0; i < count; i++) {
      submitted.increment();
      try {
        workers.execute(
            () -> {
              try {
                jobWork.run(); // returns early when the worker is cancelled
                completed.increment();
              } finally {
                finished.countDown();
              }
            });
        accepted++;
      } catch (RejectedExecutionException e) {
        rejected.increment();
        finished.countDown();
      }
    }
    finished.await(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
    return new Submission(count, accepted, count - accepted, count - finished.getCount());
  }

  /**
   * BUGGY TWIN, on purpose: a per-request thread meant to collect one result per job from a queue
   * that the jobs never feed (they report through the latch). It blocks forever: the goroutine
   * leak. Daemon, so it does not keep the JVM alive, but it never ends while the JVM lives.
   */
  private void startWaiterNobodyFeeds(int count) {
    BlockingQueue<Object> results = new LinkedBlockingQueue<>();
    Thread waiter =
        waiterThreads.newThread(
            () -> {
              liveWaiters.incrementAndGet();
              try {
                for (int i = 0; i < count; i++) {
                  results.take();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                liveWaiters.decrementAndGet();
              }
            });
    waiter.start();
  }

  Stats stats() {
    int waiters = liveWaiters.get();
    return new Stats(
        variant.id(),
        submitted.sum(),
        completed.sum(),
        rejected.sum(),
        workers.getPoolSize() + waiters,
        waiters);
  }

  /** Graceful: no new jobs, queued ones run for a bounded time, then the workers are cancelled. */
  @Override
  public void close() {
    // InterruptedException is not declared: an AutoCloseable declaring it is a -Xlint:try warning,
    // and warnings fail the build.
    workers.shutdown();
    try {
      if (!workers.awaitTermination(DRAIN_BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
        workers.shutdownNow();
        workers.awaitTermination(DRAIN_BOUND.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
