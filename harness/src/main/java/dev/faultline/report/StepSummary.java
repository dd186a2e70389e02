package dev.faultline.report;

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
    double maxMillis) {}
