package dev.faultline.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.load.Outcome;
import dev.faultline.load.RequestOutcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeoutsTest {

  private static final Duration DEADLINE = Duration.ofMillis(500);
  private static final Duration TOLERANCE = Duration.ofMillis(200);

  private static RequestOutcome r(String op, long millis, Outcome outcome) {
    return new RequestOutcome(
        "aggregate",
        op,
        0,
        millis * 1000,
        outcome == Outcome.INDETERMINATE ? 0 : 200,
        outcome,
        outcome == Outcome.INDETERMINATE
            ? "i.g.h.c.i.RequestTimeoutException: Request timeout after 2000 ms"
            : null);
  }

  @Test
  void answers_within_deadline_plus_tolerance_and_a_moving_counter_pass() {
    CheckResult c =
        Timeouts.judge(
            "timeouts-fire",
            "aggregator",
            List.of(r("op-1", 510, Outcome.OK), r("op-2", 690, Outcome.OK)),
            "requests of step aggregate",
            DEADLINE,
            TOLERANCE,
            new Timeouts.CounterMove("GET /aggregate/stats /timeoutsFired", 0, 2));

    assertThat(c.status()).isEqualTo(CheckStatus.PASSED);
    assertThat(c.evidence())
        .containsExactly(
            "all 2 requests of step aggregate ended within 700 ms (slowest 690 ms)",
            "the target's timeout counter GET /aggregate/stats /timeoutsFired moved by 2 (0 → 2)");
  }

  @Test
  void a_late_answer_and_a_hung_request_fail_with_their_op_ids() {
    CheckResult c =
        Timeouts.judge(
            "timeouts-fire",
            "aggregator",
            List.of(
                r("op-1", 510, Outcome.OK),
                r("op-2", 2010, Outcome.INDETERMINATE),
                r("op-3", 1200, Outcome.OK)),
            "requests of step aggregate",
            DEADLINE,
            TOLERANCE,
            null);

    assertThat(c.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(c.observed()).isEqualTo("1 on time, 1 late, 1 hung of 3");
    assertThat(c.evidence())
        .containsExactly(
            "1 late and 1 hung of 3 requests of step aggregate (limit 700 ms)",
            "late: op-3 ended OK (HTTP 200) after 1,200 ms",
            "hung: op-2 had no answer after 2,010 ms (i.g.h.c.i.RequestTimeoutException: Request timeout after 2000 ms)");
  }

  @Test
  void a_hung_request_fails_even_when_it_gave_up_before_the_deadline() {
    CheckResult c =
        Timeouts.judge(
            "t",
            "a",
            List.of(r("op-1", 100, Outcome.INDETERMINATE)),
            "requests",
            DEADLINE,
            TOLERANCE,
            null);

    assertThat(c.status()).as("a hang is never a pass").isEqualTo(CheckStatus.FAILED);
  }

  @Test
  void a_gateways_504_is_indeterminate_but_answered_so_it_is_judged_on_time_or_late_never_hung() {
    String why = "HTTP status 504 from a gateway: the request may have been applied downstream";
    RequestOutcome quick =
        new RequestOutcome("aggregate", "op-1", 0, 300_000, 504, Outcome.INDETERMINATE, why);
    RequestOutcome slow =
        new RequestOutcome("aggregate", "op-2", 0, 900_000, 504, Outcome.INDETERMINATE, why);

    CheckResult c =
        Timeouts.judge(
            "t",
            "a",
            List.of(quick, slow),
            "requests of step aggregate",
            DEADLINE,
            TOLERANCE,
            null);

    assertThat(c.observed()).isEqualTo("1 on time, 1 late, 0 hung of 2");
    assertThat(c.evidence())
        .containsExactly(
            "1 late and 0 hung of 2 requests of step aggregate (limit 700 ms)",
            "late: op-2 ended INDETERMINATE (HTTP 504) after 900 ms");
  }

  @Test
  void a_counter_that_did_not_move_fails_even_when_every_answer_was_on_time() {
    CheckResult c =
        Timeouts.judge(
            "t",
            "a",
            List.of(r("op-1", 100, Outcome.OK)),
            "requests",
            DEADLINE,
            TOLERANCE,
            new Timeouts.CounterMove("GET /aggregate/stats /timeoutsFired", 4, 4));

    assertThat(c.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(c.evidence())
        .contains(
            "the target's timeout counter GET /aggregate/stats /timeoutsFired did not move during the run (4 before load, 4 after): no deadline fired");
  }

  @Test
  void no_request_in_scope_is_an_error_because_nothing_was_tested() {
    CheckResult c =
        Timeouts.judge(
            "t",
            "a",
            List.of(),
            "requests of step s that started while slow was on",
            DEADLINE,
            TOLERANCE,
            null);

    assertThat(c.status()).isEqualTo(CheckStatus.ERROR);
  }
}
