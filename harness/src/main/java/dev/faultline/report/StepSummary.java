package dev.faultline.report;

import java.util.List;

/**
 * The load one step put on its target, and how it went. Latencies in milliseconds, over requests
 * that got a response.
 */
public record StepSummary(
    String step,
    String target,
    String request,
    long requests,
    long ok,
    long failed,
    long indeterminate,
    double requestsPerSecond,
    double p50Millis,
    double p95Millis,
    double p99Millis,
    double maxMillis) {

  /** The highest p99 latency of any step, NaN when no step had an answered request. */
  static double worstP99Millis(List<StepSummary> steps) {
    return steps.stream()
        .mapToDouble(StepSummary::p99Millis)
        .filter(Double::isFinite)
        .max()
        .orElse(Double.NaN);
  }
}
