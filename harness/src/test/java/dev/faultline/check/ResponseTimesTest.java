package dev.faultline.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.load.Outcome;
import dev.faultline.load.RequestOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseTimesTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private static RequestOutcome ok(int n, long millis) {
    return new RequestOutcome(
        "orders", "orders-" + n, 1_000L * n, millis * 1000, 200, Outcome.OK, null);
  }

  private static List<RequestOutcome> hundredAnswers(long fastMillis, long slowestMillis) {
    List<RequestOutcome> out = new ArrayList<>();
    for (int i = 1; i <= 99; i++) {
      out.add(ok(i, fastMillis));
    }
    out.add(ok(100, slowestMillis));
    return out;
  }

  @Test
  void a_p99_within_the_bound_passes_and_names_the_slowest_request() {
    CheckResult c =
        ResponseTimes.judge(
            "orders-p99",
            "shop",
            hundredAnswers(20, 900),
            "requests of step orders",
            99,
            Duration.ofMillis(300),
            TIMEOUT);

    assertThat(c.status())
        .as("the one slow request is the 100th of 100, above rank 99")
        .isEqualTo(CheckStatus.PASSED);
    assertThat(c.observed()).isEqualTo("p99 = 20.0 ms over 100 requests (0 without an answer)");
    assertThat(c.evidence().get(0))
        .isEqualTo(
            "p99 of 100 requests of step orders was 20.0 ms, within 300 ms; 1 took longer than 300 ms");
    assertThat(c.evidence().get(1)).isEqualTo("slow: orders-100 OK HTTP 200 after 900.0 ms");
  }

  @Test
  void a_p99_above_the_bound_fails_with_the_slowest_requests_first() {
    List<RequestOutcome> requests = new ArrayList<>(hundredAnswers(20, 900));
    requests.set(0, ok(1, 850));

    CheckResult c =
        ResponseTimes.judge(
            "orders-p99",
            "shop",
            requests,
            "requests of step orders",
            99,
            Duration.ofMillis(300),
            TIMEOUT);

    assertThat(c.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(c.observed()).isEqualTo("p99 = 850.0 ms over 100 requests (0 without an answer)");
    assertThat(c.evidence())
        .startsWith(
            "p99 of 100 requests of step orders was 850.0 ms, above 300 ms; 2 took longer than 300 ms",
            "slow: orders-100 OK HTTP 200 after 900.0 ms",
            "slow: orders-1 OK HTTP 200 after 850.0 ms");
  }

  @Test
  void
      a_request_without_an_answer_counts_as_the_request_timeout_so_losing_requests_never_looks_faster() {
    List<RequestOutcome> requests = new ArrayList<>(hundredAnswers(20, 20));
    // Two quick resets: at their own 3 ms they would pull the percentile down; they were never
    // served.
    requests.set(
        0,
        new RequestOutcome(
            "orders",
            "orders-1",
            1_000,
            3_000,
            0,
            Outcome.INDETERMINATE,
            "Connection reset by peer"));
    requests.set(
        1,
        new RequestOutcome(
            "orders",
            "orders-2",
            2_000,
            4_000,
            0,
            Outcome.FAILED,
            "ConnectException: Connection refused"));

    CheckResult c =
        ResponseTimes.judge(
            "orders-p99",
            "shop",
            requests,
            "requests of step orders",
            99,
            Duration.ofMillis(300),
            TIMEOUT);

    assertThat(c.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(c.observed()).isEqualTo("p99 = 2,000.0 ms over 100 requests (2 without an answer)");
    assertThat(c.evidence())
        .contains(
            "2 got no answer and count as at least the request timeout (2000 ms)",
            "slow: orders-1 INDETERMINATE no answer (Connection reset by peer) after 3.0 ms, counted as 2,000.0 ms");
  }

  @Test
  void no_request_in_scope_is_an_error_not_a_pass() {
    CheckResult c =
        ResponseTimes.judge(
            "orders-p99",
            null,
            List.of(),
            "requests of step orders that started while slow was on",
            99,
            Duration.ofMillis(300),
            TIMEOUT);

    assertThat(c.status()).isEqualTo(CheckStatus.ERROR);
    assertThat(c.evidence())
        .containsExactly(
            "no requests to judge: requests of step orders that started while slow was on — none were sent, so the bound was never put to the test");
  }

  @Test
  void the_percentile_is_the_nearest_rank() {
    long[] ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(ResponseTimes.percentileOf(ten, 50)).isEqualTo(5);
    assertThat(ResponseTimes.percentileOf(ten, 90)).isEqualTo(9);
    assertThat(ResponseTimes.percentileOf(ten, 99)).isEqualTo(10);
    assertThat(ResponseTimes.percentileOf(ten, 100)).isEqualTo(10);
    assertThat(ResponseTimes.percentileOf(new long[] {7}, 0.1)).isEqualTo(7);
  }

  @Test
  void
      outside_faults_leaves_out_every_request_that_overlapped_a_window_even_one_started_before_it() {
    CheckContext.Window window =
        new CheckContext.Window(Instant.ofEpochMilli(10_000), Instant.ofEpochMilli(20_000));
    RequestOutcome before =
        new RequestOutcome("s", "before", 5_000, 1_000_000, 200, Outcome.OK, null);
    RequestOutcome straddling =
        new RequestOutcome("s", "straddling", 9_900, 500_000, 200, Outcome.OK, null);
    RequestOutcome inside = new RequestOutcome("s", "inside", 15_000, 1_000, 200, Outcome.OK, null);
    RequestOutcome after = new RequestOutcome("s", "after", 20_000, 1_000, 200, Outcome.OK, null);
    List<RequestOutcome> all = List.of(before, straddling, inside, after);

    assertThat(RequestScope.outside(all, List.of(window))).containsExactly(before, after);
    assertThat(RequestScope.during(all, window))
        .as("during counts by start, as timeouts-fire does")
        .containsExactly(inside);
    assertThat(
            RequestScope.during(all, new CheckContext.Window(Instant.ofEpochMilli(10_000), null)))
        .containsExactly(inside, after);
  }
}
