package dev.faultline.load;

/**
 * Thrown, inside the fork, where Gatling would write a request a second time: Gatling 3.15
 * re-sends, on a new connection, a request whose reused keep-alive connection closed before an
 * answer, and has no setting to stop it. Thrown from the request's signature (which Gatling
 * computes at each write), it stops the re-send before a byte is written, and Gatling fails the
 * request with it. No stack trace: it says all there is.
 */
final class ResendRefusedException extends RuntimeException {

  static final String MESSAGE =
      "the kept-alive connection closed without an answer after the request was written;"
          + " Gatling's re-send on a new connection was refused, the first send may have been applied";

  ResendRefusedException() {
    super(MESSAGE, null, false, false);
  }
}
