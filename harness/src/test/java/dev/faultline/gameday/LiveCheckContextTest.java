package dev.faultline.gameday;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.load.Outcome;
import dev.faultline.load.RequestOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The consistent cut a check run mid-load sees. */
class LiveCheckContextTest {

  private static RequestOutcome op(String id, long start, long latencyMillis, Outcome outcome) {
    return new RequestOutcome(
        "increments",
        id,
        start,
        latencyMillis * 1000,
        outcome == Outcome.INDETERMINATE ? 0 : 200,
        outcome,
        null);
  }

  @Test
  void requests_in_flight_during_the_read_become_indeterminate_and_later_ones_are_left_out() {
    List<RequestOutcome> all =
        List.of(
            op("done-before", 1_000, 100, Outcome.OK),
            op("ends-during-read", 1_900, 200, Outcome.OK),
            op("starts-during-read", 2_050, 10, Outcome.FAILED),
            op("starts-after-read", 2_300, 5, Outcome.OK),
            new RequestOutcome("other-step", "x", 1_000, 1000, 200, Outcome.OK, null));

    List<RequestOutcome> cut = LiveCheckContext.cut(all, "increments", 2_000, 2_200);

    assertThat(cut)
        .extracting(RequestOutcome::opId)
        .containsExactly("done-before", "ends-during-read", "starts-during-read");
    assertThat(cut)
        .extracting(RequestOutcome::outcome)
        .containsExactly(Outcome.OK, Outcome.INDETERMINATE, Outcome.INDETERMINATE);
    assertThat(cut.get(1).error()).isEqualTo("in flight while the check read the target");
  }
}
