package dev.faultline.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutcomeClassifierTest {

  /** A request written once, or never when it did not connect. */
  private static RequestOutcome classify(int status, String cause) {
    int sends = cause != null && OutcomeClassifier.neverConnected(cause) ? 0 : 1;
    return OutcomeClassifier.classify("s", "s-1", 0, 10, status, cause, sends);
  }

  @Test
  void a2xxResponseIsOk() {
    assertThat(classify(204, null).outcome()).isEqualTo(Outcome.OK);
  }

  @Test
  void anyOtherResponseIsFailedEvenWhenGatlingLoggedACheckFailure() {
    assertThat(classify(500, "status.find.in(...), found 500"))
        .extracting(RequestOutcome::outcome, RequestOutcome::error)
        .containsExactly(Outcome.FAILED, "HTTP status 500");
    assertThat(classify(302, null).outcome()).isEqualTo(Outcome.FAILED);
  }

  @Test
  void
      aGatewaysBadGatewayOrGatewayTimeoutIsIndeterminateBecauseTheServiceBehindItMayHaveAppliedTheRequest() {
    assertThat(classify(504, "status.find.in(...), found 504"))
        .extracting(RequestOutcome::outcome, RequestOutcome::status, RequestOutcome::error)
        .containsExactly(
            Outcome.INDETERMINATE,
            504,
            "HTTP status 504 from a gateway: the request may have been applied downstream");
    assertThat(classify(502, null))
        .extracting(RequestOutcome::outcome, RequestOutcome::status, RequestOutcome::error)
        .containsExactly(
            Outcome.INDETERMINATE,
            502,
            "HTTP status 502 from a gateway: the request may have been applied downstream");
  }

  @Test
  void theOtherServerErrorsStayFailed() {
    assertThat(classify(503, null))
        .extracting(RequestOutcome::outcome, RequestOutcome::error)
        .containsExactly(Outcome.FAILED, "HTTP status 503");
    assertThat(classify(501, null).outcome()).isEqualTo(Outcome.FAILED);
    assertThat(classify(505, null).outcome()).isEqualTo(Outcome.FAILED);
    assertThat(classify(409, null).outcome()).isEqualTo(Outcome.FAILED);
  }

  @Test
  void aFailedConnectIsFailedBecauseTheRequestWasNeverWritten() {
    assertThat(
            classify(
                    0,
                    "i.n.c.AbstractChannel$AnnotatedConnectException: Connection refused: /127.0.0.1:1")
                .outcome())
        .isEqualTo(Outcome.FAILED);
    assertThat(
            classify(
                    0,
                    "i.n.c.ConnectTimeoutException: connection timed out after 10000 ms: /127.0.0.1:1")
                .outcome())
        .isEqualTo(Outcome.FAILED);
  }

  @Test
  void everyOtherMissingResponseIsIndeterminate() {
    assertThat(classify(0, "Request timeout to 127.0.0.1/127.0.0.1:1 after 300 ms").outcome())
        .isEqualTo(Outcome.INDETERMINATE);
    assertThat(classify(0, "j.n.SocketException: Connection reset").outcome())
        .isEqualTo(Outcome.INDETERMINATE);
    assertThat(classify(0, "i.g.h.c.i.PrematureCloseException: Premature close").outcome())
        .isEqualTo(Outcome.INDETERMINATE);
    assertThat(
            classify(0, "j.i.IOException: the server said: ConnectException happened upstream")
                .outcome())
        .as("only the exception's own name counts, not its message")
        .isEqualTo(Outcome.INDETERMINATE);
  }

  @Test
  void aMissingResponseWithoutACauseIsIndeterminate() {
    assertThat(classify(0, null))
        .extracting(RequestOutcome::outcome, RequestOutcome::error)
        .containsExactly(Outcome.INDETERMINATE, OutcomeClassifier.NO_CAUSE);
  }

  @Test
  void aRequestWhoseReSendWasRefusedIsIndeterminate() {
    assertThat(
            OutcomeClassifier.classify(
                "s", "s-1", 0, 10, 0, "d.f.l.ResendRefusedException: the kept-alive ...", 2))
        .extracting(RequestOutcome::outcome, RequestOutcome::status, RequestOutcome::error)
        .containsExactly(Outcome.INDETERMINATE, 0, ResendRefusedException.MESSAGE);
  }

  @Test
  void aRefusedConnectAfterTheRequestWasWrittenIsIndeterminateNotFailed() {
    RequestOutcome outcome =
        OutcomeClassifier.classify(
            "s",
            "s-1",
            0,
            10,
            0,
            "i.n.c.AbstractChannel$AnnotatedConnectException: Connection refused: /127.0.0.1:1",
            1);

    assertThat(outcome.outcome())
        .as("written first on a reused connection; the refused connect was the re-send's")
        .isEqualTo(Outcome.INDETERMINATE);
    assertThat(outcome.error()).contains("Connection refused");
  }
}
