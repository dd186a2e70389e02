package dev.faultline.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.load.Outcome;
import dev.faultline.load.RequestOutcome;
import dev.faultline.observe.DeadlockReport;
import dev.faultline.observe.DeadlockWatch;
import dev.faultline.observe.ThreadDetail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlocksTest {

  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
  private static final List<RequestOutcome> QUICK =
      List.of(new RequestOutcome("s", "op-1", 0, 20_000, 200, Outcome.OK, null));

  private static DeadlockReport cycle() {
    ThreadDetail a =
        new ThreadDetail(
            11,
            "left",
            Thread.State.BLOCKED,
            false,
            List.of("Deadlocker.left(Deadlocker.java:20)"),
            "java.lang.Object@2",
            "right",
            12,
            List.of("java.lang.Object@1"));
    ThreadDetail b =
        new ThreadDetail(
            12,
            "right",
            Thread.State.BLOCKED,
            false,
            List.of("Deadlocker.right(Deadlocker.java:30)"),
            "java.lang.Object@1",
            "left",
            11,
            List.of("java.lang.Object@2"));
    return new DeadlockReport(
        AT, List.of(a, b), "deadlock of 2 threads: left waits for right; right waits for left");
  }

  @Test
  void a_cycle_seen_during_load_fails_with_who_holds_and_waits_for_what() {
    DeadlockWatch.Findings during = new DeadlockWatch.Findings(5, List.of(cycle()), List.of());

    CheckResult r =
        Deadlocks.judge(
            "no-deadlock",
            "t",
            during,
            DeadlockReport.none(AT, "none"),
            null,
            QUICK,
            Duration.ofSeconds(30));

    assertThat(r.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(r.evidence())
        .containsExactly(
            "deadlock of 2 threads: left waits for right; right waits for left (seen at 2026-01-01T00:00:00Z)",
            "  left (id 11, BLOCKED) waits for java.lang.Object@2 held by right, holds java.lang.Object@1; at Deadlocker.left(Deadlocker.java:20)",
            "  right (id 12, BLOCKED) waits for java.lang.Object@1 held by left, holds java.lang.Object@2; at Deadlocker.right(Deadlocker.java:30)");
    assertThat(r.observed()).isEqualTo("1 deadlock cycles in 6 samples, 0 hung requests");
  }

  @Test
  void the_same_cycle_seen_during_and_after_is_reported_once() {
    CheckResult r =
        Deadlocks.judge(
            "no-deadlock",
            "t",
            new DeadlockWatch.Findings(3, List.of(cycle()), List.of()),
            cycle(),
            null,
            QUICK,
            Duration.ofSeconds(30));

    assertThat(r.evidence().stream().filter(l -> l.startsWith("deadlock of"))).hasSize(1);
  }

  @Test
  void a_request_in_flight_when_the_load_stopped_or_past_the_bound_is_a_hang() {
    List<RequestOutcome> requests =
        List.of(
            new RequestOutcome("s", "op-1", 0, 20_000, 200, Outcome.OK, null),
            new RequestOutcome(
                "s",
                "op-2",
                0,
                900_000,
                0,
                Outcome.INDETERMINATE,
                "in flight when the load stopped (end of the run, maxDuration or abort)"),
            new RequestOutcome("s", "op-3", 0, 31_000_000, 200, Outcome.OK, null));

    CheckResult r =
        Deadlocks.judge(
            "no-deadlock",
            "t",
            new DeadlockWatch.Findings(3, List.of(), List.of()),
            DeadlockReport.none(AT, "none"),
            null,
            requests,
            Duration.ofSeconds(30));

    assertThat(r.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(r.evidence())
        .containsExactly(
            "hung: op-3 of step s ended OK only after 31,000 ms",
            "hung: op-2 of step s had no answer after 900 ms (in flight when the load stopped (end of the run, maxDuration or abort))");
  }

  @Test
  void no_cycle_and_quick_requests_pass_but_an_unobserved_target_is_an_error_not_a_pass() {
    CheckResult ok =
        Deadlocks.judge(
            "no-deadlock",
            "t",
            new DeadlockWatch.Findings(4, List.of(), List.of()),
            DeadlockReport.none(AT, "found none"),
            null,
            QUICK,
            Duration.ofSeconds(30));
    CheckResult blind =
        Deadlocks.judge(
            "no-deadlock",
            "t",
            null,
            null,
            "cannot attach to pid 7",
            QUICK,
            Duration.ofSeconds(30));

    assertThat(ok.status()).isEqualTo(CheckStatus.PASSED);
    assertThat(ok.evidence().get(0))
        .isEqualTo(
            "no deadlock in 4 samples during load nor in the one after (found none); all 1 requests ended within 30000 ms");
    assertThat(blind.status()).isEqualTo(CheckStatus.ERROR);
    assertThat(blind.evidence().get(0))
        .isEqualTo("deadlocks could not be looked for: cannot attach to pid 7");
  }
}
