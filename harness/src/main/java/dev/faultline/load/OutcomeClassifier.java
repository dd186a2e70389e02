package dev.faultline.load;

import java.util.regex.Pattern;

/**
 * Classifies a finished request. The rule errs towards INDETERMINATE: a request that may have
 * reached the target is never FAILED. {@code sends} is how many times Gatling began to write the
 * request (0: it never had a connection to write on).
 *
 * <ul>
 *   <li>a second send: INDETERMINATE. With keep-alive, Gatling re-sends on a new connection a
 *       request whose reused connection closed before any answer; the first send may have reached
 *       the target and been applied (a connection dropped mid-request). {@link StepScenario}
 *       refuses that re-send before a byte of it is written ({@link ResendRefusedException}), so
 *       each request is applied at most once and the counter bounds [ok, ok + indeterminate] hold;
 *   <li>a 2xx response: OK;
 *   <li>502 Bad Gateway or 504 Gateway Timeout: INDETERMINATE, because the service that answered is
 *       a front that forwarded the request: its downstream may well have applied it (a 504 is the
 *       front giving up waiting, not the downstream refusing);
 *   <li>any other response: FAILED;
 *   <li>no response, never written, and Gatling's cause is a failed connect ({@code
 *       ConnectException}, e.g. "Connection refused", or netty's {@code ConnectTimeoutException}):
 *       FAILED. A failed connect after a write is the connect of a re-send: the request went out on
 *       a reused connection first, so it is INDETERMINATE like any other failure after a write;
 *   <li>no response for any other cause (request timeout, reset, premature close), or no cause
 *       captured at all: INDETERMINATE.
 * </ul>
 */
final class OutcomeClassifier {

  /** Gatling shortens class names ("i.n.c.AbstractChannel$AnnotatedConnectException: ..."). */
  private static final Pattern NEVER_CONNECTED =
      Pattern.compile("(ConnectException|ConnectTimeoutException)\\b.*");

  static final String NO_CAUSE = "no response; Gatling reported no cause";

  private OutcomeClassifier() {}

  static RequestOutcome classify(
      String step,
      String opId,
      long startMillis,
      long latencyMicros,
      int status,
      String cause,
      int sends) {
    if (sends > 1) {
      return new RequestOutcome(
          step,
          opId,
          startMillis,
          latencyMicros,
          status,
          Outcome.INDETERMINATE,
          ResendRefusedException.MESSAGE);
    }
    if (status >= 200 && status <= 299) {
      return new RequestOutcome(step, opId, startMillis, latencyMicros, status, Outcome.OK, null);
    }
    if (status == RequestOutcome.BAD_GATEWAY || status == RequestOutcome.GATEWAY_TIMEOUT) {
      return new RequestOutcome(
          step,
          opId,
          startMillis,
          latencyMicros,
          status,
          Outcome.INDETERMINATE,
          "HTTP status "
              + status
              + " from a gateway: the request may have been applied downstream");
    }
    if (status > 0) {
      return new RequestOutcome(
          step, opId, startMillis, latencyMicros, status, Outcome.FAILED, "HTTP status " + status);
    }
    if (sends == 0 && cause != null && neverConnected(cause)) {
      return new RequestOutcome(step, opId, startMillis, latencyMicros, 0, Outcome.FAILED, cause);
    }
    return new RequestOutcome(
        step,
        opId,
        startMillis,
        latencyMicros,
        0,
        Outcome.INDETERMINATE,
        cause == null ? NO_CAUSE : cause);
  }

  static boolean neverConnected(String cause) {
    int colon = cause.indexOf(':');
    String exceptionName = colon < 0 ? cause : cause.substring(0, colon);
    return NEVER_CONNECTED.matcher(exceptionName).find();
  }
}
