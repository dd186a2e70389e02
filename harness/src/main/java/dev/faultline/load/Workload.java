package dev.faultline.load;

/** How a {@link LoadStep} injects requests. */
public enum Workload {
  /** Open model: a constant arrival rate, whatever the target's latency (after a linear ramp). */
  OPEN,
  /**
   * Closed model: a fixed number of concurrent users, each sending its next request when the last
   * one ended.
   */
  CLOSED
}
