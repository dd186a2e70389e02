package dev.faultline.load;

import java.util.regex.Pattern;

/**
 * Classifies a finished request. The rule errs towards INDETERMINATE: a request that may have
 * reached the target is never FAILED.
 *
 * <ul>
 *   <li>a 2xx response: OK;
 *   <li>502 Bad Gateway or 504 Gateway Timeout: INDETERMINATE, because the service that answered is
 *       a front that forwarded the request: its downstream may well have applied it (a 504 is the
 *       front giving up waiting, not the downstream refusing);
 *   <li>any other response: FAILED;
 *   <li>no response, and Gatling's cause is a failed connect ({@code ConnectException}, e.g.
 *       "Connection refused", or netty's {@code ConnectTimeoutException}): FAILED, because the
 *       request is written only once its own new connection is up — each request goes on a fresh
 *       connection ({@code Connection: close}), so Gatling's silent retry of a request sent on a
 *       pooled connection cannot happen;
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
      String step, String opId, long startMillis, long latencyMicros, int status, String cause) {
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
    if (cause != null && neverConnected(cause)) {
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
