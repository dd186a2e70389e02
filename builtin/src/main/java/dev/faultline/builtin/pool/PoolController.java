package dev.faultline.builtin.pool;

import dev.faultline.builtin.support.InvalidRequestException;
import dev.faultline.builtin.support.TargetSelectionException;
import dev.faultline.builtin.support.VariantSelection;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP face of the worker pool. The pool is closed with the context, so that a graceful shutdown
 * drains it. Thread-safe: delegates to the thread-safe pool.
 */
@RestController
@ConditionalOnProperty(name = VariantSelection.SERVICE_PROPERTY, havingValue = "pool")
class PoolController implements DisposableBean {

  static final int MAX_JOBS_PER_REQUEST = 10_000;

  private final JobPool pool;

  PoolController(
      @Value("${faultline.variant:}") String variant,
      @Value("${faultline.pool.workers:4}") int workers,
      @Value("${faultline.pool.queue-capacity:256}") int queueCapacity,
      @Value("${faultline.pool.work:2ms}") Duration work,
      @Value("${faultline.pool.request-timeout:5s}") Duration requestTimeout) {
    if (workers < 1 || queueCapacity < 1) {
      throw new TargetSelectionException(
          "faultline.pool.workers and faultline.pool.queue-capacity must be >= 1, were "
              + workers
              + " and "
              + queueCapacity);
    }
    this.pool =
        new JobPool(
            VariantSelection.select("pool", variant, PoolVariant.class),
            workers,
            queueCapacity,
            work,
            requestTimeout);
  }

  @PostMapping("/jobs")
  JobPool.Submission submit(@RequestParam(name = "count", defaultValue = "1") int count)
      throws InterruptedException {
    InvalidRequestException.requireBetween("count", count, 1, MAX_JOBS_PER_REQUEST);
    return pool.submit(count);
  }

  @GetMapping("/jobs/stats")
  JobPool.Stats stats() {
    return pool.stats();
  }

  @Override
  public void destroy() throws InterruptedException {
    pool.close();
  }
}
