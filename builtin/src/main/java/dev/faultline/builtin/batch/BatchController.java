package dev.faultline.builtin.batch;

import dev.faultline.builtin.support.InvalidRequestException;
import dev.faultline.builtin.support.TargetSelectionException;
import dev.faultline.builtin.support.VariantSelection;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP face of the batch service: run a batch, plan failures, read the ground truth. Thread-safe:
 * delegates to the thread-safe runner, plan and stats.
 */
@RestController
@RequestMapping("/batch")
@ConditionalOnProperty(name = VariantSelection.SERVICE_PROPERTY, havingValue = "batch")
class BatchController implements DisposableBean {

  static final int MAX_BATCH_SIZE = 100_000;

  private final FailurePlan failures = new FailurePlan();
  private final BatchStats stats = new BatchStats();
  private final BatchRunner runner;

  BatchController(
      @Value("${faultline.variant:}") String variant,
      @Value("${faultline.batch.workers:8}") int workers,
      @Value("${faultline.batch.work:10ms}") Duration work,
      @Value("${faultline.batch.timeout:30s}") Duration timeout) {
    if (workers < 1) {
      throw new TargetSelectionException("faultline.batch.workers must be >= 1, was " + workers);
    }
    this.runner =
        new BatchRunner(
            VariantSelection.select("batch", variant, BatchVariant.class),
            workers,
            work,
            timeout,
            failures,
            stats);
  }

  @PostMapping
  BatchRunner.BatchResult run(@RequestParam("size") int size) throws InterruptedException {
    InvalidRequestException.requireBetween("size", size, 1, MAX_BATCH_SIZE);
    return runner.run(size);
  }

  /** Plans failures: {@code rate} in [0, 1] with {@code seed}, and/or the next {@code count}. */
  @PostMapping("/failures")
  FailurePlan.Settings planFailures(
      @RequestParam(name = "rate", defaultValue = "0") double rate,
      @RequestParam(name = "seed", defaultValue = "42") long seed,
      @RequestParam(name = "count", defaultValue = "0") int count) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new InvalidRequestException("rate must be between 0 and 1, was " + rate);
    }
    InvalidRequestException.requireBetween("count", count, 0, MAX_BATCH_SIZE);
    return failures.configure(rate, seed, count);
  }

  @GetMapping("/failures")
  FailurePlan.Settings failures() {
    return failures.settings();
  }

  @GetMapping("/stats")
  BatchStats.Snapshot stats() {
    return stats.snapshot();
  }

  @Override
  public void destroy() {
    runner.close();
  }
}
