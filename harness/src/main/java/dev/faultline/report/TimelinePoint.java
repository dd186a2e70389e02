package dev.faultline.report;

/**
 * One second of the run, counted from the start of load: requests that started in it by outcome,
 * latency percentiles of those answered (ms), and live threads of the observed target (-1 unknown).
 */
public record TimelinePoint(
    long second,
    long ok,
    long failed,
    long indeterminate,
    double p50Millis,
    double p99Millis,
    int liveThreads) {

  public long requests() {
    return ok + failed + indeterminate;
  }
}
