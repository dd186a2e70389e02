package dev.faultline.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.experiment.CheckSpecs;
import dev.faultline.experiment.HttpRequestLine;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvariantsTest {

  private static CheckSpecs.Invariant spec(String equals, Double atMost, Double atLeast) {
    return new CheckSpecs.Invariant(
        "no-torn-reads",
        "config",
        HttpRequestLine.parse("GET /config/stats"),
        "$.tornReads",
        equals,
        atMost,
        atLeast,
        Duration.ofSeconds(1));
  }

  @Test
  void at_most_compares_numbers() {
    assertThat(Invariants.violation(spec(null, 0.0, null), 0)).isEmpty();
    assertThat(Invariants.violation(spec(null, 0.0, null), 310))
        .contains("$.tornReads = 310, expected at most 0");
  }

  @Test
  void at_least_and_equals_compare_numbers_as_numbers_and_the_rest_as_text() {
    assertThat(Invariants.violation(spec(null, null, 1.5), 1))
        .contains("$.tornReads = 1, expected at least 1.5");
    assertThat(Invariants.violation(spec("7", null, null), 7.0)).isEmpty();
    assertThat(Invariants.violation(spec("UP", null, null), "DOWN"))
        .contains("$.tornReads = DOWN, expected equal to UP");
    assertThat(Invariants.violation(spec(null, 3.0, null), "many"))
        .contains("$.tornReads = many, which is not a number");
  }

  @Test
  void a_list_must_hold_for_every_element_and_not_be_empty() {
    assertThat(Invariants.violation(spec(null, 2.0, null), List.of(1, 2))).isEmpty();
    assertThat(Invariants.violation(spec(null, 2.0, null), List.of(1, 5)))
        .contains("$.tornReads = 5, expected at most 2");
    assertThat(Invariants.violation(spec(null, 2.0, null), List.of()))
        .contains("$.tornReads matched nothing");
  }

  @Test
  void the_bound_reads_as_a_sentence() {
    assertThat(Invariants.bound(spec(null, 10.0, 1.0)))
        .isEqualTo("$.tornReads at least 1 and at most 10, within 1000 ms");
  }
}
