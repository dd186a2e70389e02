package dev.faultline.load;

/**
 * What is known about one request, in the sense of Jepsen: whether the target may have applied it.
 */
public enum Outcome {
    /** A response with a 2xx status: acknowledged, applied. */
    OK,
    /** Known not applied: a non-2xx response, or the request was never sent (no connection). */
    FAILED,
    /** Sent, but no answer (timeout, connection reset or closed after sending): may have been applied. */
    INDETERMINATE
}
