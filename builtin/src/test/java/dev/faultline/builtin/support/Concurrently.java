package dev.faultline.builtin.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Runs {@code n} calls on {@code n} threads released together by one gate, so that they overlap as
 * much as the machine allows, and collects what each returned or threw, within a bound.
 */
public final class Concurrently {

  private Concurrently() {}

  /** What one call did: its value, or what it threw. */
  public record Outcome<T>(T value, Throwable failure) {}

  /**
   * @param n how many calls
   * @param call the {@code i}-th call
   * @param bound how long all of them may take together
   */
  public static <T> List<Outcome<T>> run(int n, IntFunction<Callable<T>> call, Duration bound)
      throws InterruptedException, TimeoutException {
    ExecutorService threads = Executors.newFixedThreadPool(n);
    CountDownLatch gate = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Callable<T> c = call.apply(i);
        futures.add(
            threads.submit(
                () -> {
                  gate.await();
                  return c.call();
                }));
      }
      gate.countDown();
      long deadline = System.nanoTime() + bound.toNanos();
      List<Outcome<T>> outcomes = new ArrayList<>();
      for (Future<T> f : futures) {
        try {
          outcomes.add(
              new Outcome<>(f.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS), null));
        } catch (ExecutionException e) {
          outcomes.add(new Outcome<>(null, e.getCause()));
        }
      }
      return outcomes;
    } finally {
      threads.shutdownNow();
    }
  }
}
