package dev.faultline.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.experiment.Percent;
import dev.faultline.load.Outcome;
import dev.faultline.load.RequestOutcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorRatesTest {

  private static List<RequestOutcome> requests(int ok, int http500, int timeouts) {
    List<RequestOutcome> out = new ArrayList<>();
    int n = 0;
    for (int i = 0; i < ok; i++) {
      out.add(new RequestOutcome("orders", "orders-" + ++n, n, 1000, 200, Outcome.OK, null));
    }
    for (int i = 0; i < http500; i++) {
      out.add(
          new RequestOutcome(
              "orders", "orders-" + ++n, n, 1000, 500, Outcome.FAILED, "HTTP status 500"));
    }
    for (int i = 0; i < timeouts; i++) {
      out.add(
          new RequestOutcome(
              "orders",
              "orders-" + ++n,
              n,
              2_000_000,
              0,
              Outcome.INDETERMINATE,
              "Request timeout after 2000 ms"));
    }
    return out;
  }

  @Test
  void a_share_not_ok_within_the_bound_passes_with_the_counts_per_outcome() {
    CheckResult c =
        ErrorRates.judge(
            "errors", requests(199, 1, 0), "requests of step orders", Percent.parse("1%"));

    assertThat(c.status()).isEqualTo(CheckStatus.PASSED);
    assertThat(c.observed()).isEqualTo("0.5% not ok (199 ok, 1 failed, 0 indeterminate of 200)");
    assertThat(c.evidence())
        .containsExactly(
            "1 of 200 requests of step orders were not ok (0.5%, within 1%): 199 ok, 1 failed, 0 indeterminate",
            "cause: 1 × failed: HTTP status 500");
  }

  @Test
  void failed_and_indeterminate_both_count_and_the_most_frequent_cause_comes_first() {
    CheckResult c =
        ErrorRates.judge(
            "errors",
            requests(90, 3, 7),
            "requests of step orders that started while slow was on",
            Percent.parse("5%"));

    assertThat(c.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(c.evidence())
        .containsExactly(
            "10 of 100 requests of step orders that started while slow was on were not ok (10.0%, above 5%): 90 ok, 3 failed, 7 indeterminate",
            "cause: 7 × indeterminate: Request timeout after 2000 ms",
            "cause: 3 × failed: HTTP status 500");
  }

  @Test
  void exactly_at_the_bound_holds() {
    assertThat(
            ErrorRates.judge("errors", requests(99, 1, 0), "requests", Percent.parse("1%"))
                .status())
        .isEqualTo(CheckStatus.PASSED);
  }

  @Test
  void no_request_in_scope_is_an_error() {
    assertThat(ErrorRates.judge("errors", List.of(), "requests", Percent.parse("1%")).status())
        .isEqualTo(CheckStatus.ERROR);
  }
}
