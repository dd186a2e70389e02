package dev.faultline.load;

/**
 * The outcome of one request: one line of the outcomes file.
 *
 * <p>{@code startMillis} is the epoch time just before Gatling was handed the request; {@code
 * latencyMicros} is measured by the simulation itself, from then until the simulation saw the
 * result (so it includes Gatling's own scheduling, usually microseconds, and for a
 * connection-refused request the failed connect). {@code status} is the HTTP status, 0 when there
 * was no response. {@code error} is null for OK, else why (Gatling's message when it gave one).
 */
public record RequestOutcome(
    String step,
    String opId,
    long startMillis,
    long latencyMicros,
    int status,
    Outcome outcome,
    String error) {

  /**
   * 502 Bad Gateway: the front that answered could not get a valid answer from the service behind
   * it.
   */
  public static final int BAD_GATEWAY = 502;

  /** 504 Gateway Timeout: the front that answered gave up waiting for the service behind it. */
  public static final int GATEWAY_TIMEOUT = 504;

  /**
   * Whether a gateway answered (502 or 504): an answer, yet INDETERMINATE, because the front had
   * forwarded the request and the service behind it may well have applied it.
   */
  public boolean gatewayAnswer() {
    return status == BAD_GATEWAY || status == GATEWAY_TIMEOUT;
  }

  /** Epoch millis when the result was seen. */
  public long endMillis() {
    return startMillis + latencyMicros / 1000;
  }
}
