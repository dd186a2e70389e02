package dev.faultline.load;

/**
 * What is known about one request, in the sense of Jepsen: whether the target may have applied it.
 */
public enum Outcome {
  /** A response with a 2xx status: acknowledged, applied. */
  OK,
  /**
   * Known not applied: a non-2xx response other than 502 and 504, or the request was never sent (no
   * connection).
   */
  FAILED,
  /**
   * May have been applied: sent, but no answer (timeout, connection reset or closed after sending),
   * or a gateway's 502 / 504 (the service behind it may have applied it).
   */
  INDETERMINATE
}
