package dev.faultline.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.load.Outcome;
import dev.faultline.load.RequestOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CounterBoundsTest {

  private static final CounterBounds.Reading ZERO = new CounterBounds.Reading(0, null);

  private static List<RequestOutcome> increments(int ok, int failed, int indeterminate) {
    List<RequestOutcome> out = new ArrayList<>();
    int n = 0;
    for (int i = 0; i < ok; i++) {
      out.add(new RequestOutcome("inc", "op-" + n++, 0, 1000, 200, Outcome.OK, null));
    }
    for (int i = 0; i < failed; i++) {
      out.add(new RequestOutcome("inc", "op-" + n++, 0, 1000, 503, Outcome.FAILED, "HTTP 503"));
    }
    for (int i = 0; i < indeterminate; i++) {
      out.add(
          new RequestOutcome(
              "inc", "op-" + n++, 0, 2_000_000, 0, Outcome.INDETERMINATE, "Request timeout"));
    }
    return out;
  }

  private static CounterBounds.Reading value(long v) {
    return new CounterBounds.Reading(v, null);
  }

  private static CounterBounds.Reading withIds(
      long v, Set<String> applied, Set<String> duplicates) {
    return new CounterBounds.Reading(v, new CounterBounds.AppliedOps(applied, duplicates));
  }

  private static final CounterBounds.Reading NO_IDS_YET = withIds(0, Set.of(), Set.of());

  @Test
  void a_value_equal_to_the_acknowledged_increments_holds() {
    CheckResult r = CounterBounds.judge("c", increments(100, 0, 0), ZERO, value(100));

    assertThat(r.status()).isEqualTo(CheckStatus.PASSED);
    assertThat(r.bound()).isEqualTo("increase in [100, 100]");
    assertThat(r.observed()).isEqualTo("increase = 100 (value 0 before load, 100 after)");
  }

  @Test
  void indeterminate_increments_widen_the_bound_both_ways() {
    assertThat(CounterBounds.judge("c", increments(100, 5, 10), ZERO, value(100)).status())
        .isEqualTo(CheckStatus.PASSED);
    assertThat(CounterBounds.judge("c", increments(100, 5, 10), ZERO, value(110)).status())
        .isEqualTo(CheckStatus.PASSED);
    assertThat(CounterBounds.judge("c", increments(100, 5, 10), ZERO, value(104)).evidence().get(0))
        .isEqualTo(
            "increase 104 (value 0 before load, 104 after) lies in [100, 110]; 4 of 10 indeterminate increments were applied");
  }

  @Test
  void a_value_below_the_acknowledged_increments_is_a_lost_update() {
    CheckResult r = CounterBounds.judge("c", increments(100, 0, 3), ZERO, value(90));

    assertThat(r.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(r.evidence())
        .containsExactly(
            "lost updates: 10 acknowledged increments are missing from the increase (90 < 100 ok; value 0 before load, 90 after)");
  }

  @Test
  void counting_a_failed_increment_is_a_failure() {
    CheckResult r = CounterBounds.judge("c", increments(100, 1, 0), ZERO, value(101));

    assertThat(r.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(r.evidence().get(0))
        .startsWith("phantom increments: the increase exceeds ok + indeterminate by 1");
  }

  @Test
  void a_counter_that_already_held_a_value_is_judged_by_its_increase_over_the_load() {
    CheckResult r = CounterBounds.judge("c", increments(100, 5, 10), value(2_500), value(2_604));

    assertThat(r.status()).isEqualTo(CheckStatus.PASSED);
    assertThat(r.observed()).isEqualTo("increase = 104 (value 2500 before load, 2604 after)");
    assertThat(r.evidence().get(0))
        .isEqualTo(
            "increase 104 (value 2500 before load, 2604 after) lies in [100, 110]; 4 of 10 indeterminate increments were applied");
  }

  @Test
  void
      a_value_within_the_bounds_counted_from_zero_is_still_lost_updates_when_the_counter_did_not_start_at_zero() {
    CheckResult r = CounterBounds.judge("c", increments(100, 0, 0), value(40), value(120));

    assertThat(r.status())
        .as("120 alone would pass from 0; from 40 it is 20 short")
        .isEqualTo(CheckStatus.FAILED);
    assertThat(r.evidence())
        .containsExactly(
            "lost updates: 20 acknowledged increments are missing from the increase (80 < 100 ok; value 40 before load, 120 after)");
  }

  @Test
  void a_value_that_only_fits_because_the_start_was_ignored_is_a_phantom_increment() {
    CheckResult r = CounterBounds.judge("c", increments(100, 0, 0), value(-30), value(100));

    assertThat(r.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(r.evidence().get(0))
        .isEqualTo(
            "phantom increments: the increase exceeds ok + indeterminate by 30 (failed increments counted, "
                + "increments counted twice, or another client incrementing; value -30 before load, 100 after)");
  }

  @Test
  void the_set_check_names_acknowledged_ids_that_were_never_applied() {
    List<RequestOutcome> sent = increments(3, 1, 0);
    CheckResult r =
        CounterBounds.judge(
            "c", sent, NO_IDS_YET, withIds(3, Set.of("op-0", "op-1", "op-3"), Set.of()));

    assertThat(r.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(r.evidence())
        .containsExactly(
            "1 acknowledged ids were never applied: op-2",
            "1 ids that failed were applied anyway: op-3");
  }

  @Test
  void the_set_check_catches_duplicates_even_when_the_count_fits() {
    CheckResult r =
        CounterBounds.judge(
            "c",
            increments(2, 0, 2),
            NO_IDS_YET,
            withIds(3, Set.of("op-0", "op-1"), Set.of("op-1")));

    assertThat(r.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(r.evidence()).contains("1 ids were applied more than once: op-1");
  }

  @Test
  void lost_updates_with_every_id_applied_is_the_racy_signature() {
    List<RequestOutcome> sent = increments(4, 0, 0);
    CheckResult r =
        CounterBounds.judge(
            "c", sent, NO_IDS_YET, withIds(3, Set.of("op-0", "op-1", "op-2", "op-3"), Set.of()));

    assertThat(r.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(r.evidence())
        .containsExactly(
            "lost updates: 1 acknowledged increments are missing from the increase (3 < 4 ok; value 0 before load, 3 after)",
            "every one of the 4 acknowledged ids was applied exactly once",
            "the service ran every acknowledged increment, yet its value shows fewer: updates were lost inside the read-modify-write (a race)");
  }

  @Test
  void ids_applied_before_load_are_neither_counted_as_this_runs_nor_as_another_clients() {
    CounterBounds.Reading before =
        withIds(2, Set.of("earlier-1", "earlier-2"), Set.of("earlier-2"));
    CounterBounds.Reading after =
        withIds(5, Set.of("earlier-1", "earlier-2", "op-0", "op-1", "op-2"), Set.of("earlier-2"));

    CheckResult r = CounterBounds.judge("c", increments(3, 0, 0), before, after);

    assertThat(r.status())
        .as("a duplicate from before load is not this run's")
        .isEqualTo(CheckStatus.PASSED);
    assertThat(r.observed())
        .isEqualTo("increase = 3 (value 2 before load, 5 after), ids applied during the load = 3");
    assertThat(r.evidence())
        .containsExactly(
            "increase 3 (value 2 before load, 5 after) lies in [3, 3]",
            "every one of the 3 acknowledged ids was applied exactly once");
  }

  @Test
  void an_id_missing_from_what_was_applied_during_the_load_is_found_despite_a_non_zero_start() {
    CounterBounds.Reading before = withIds(2, Set.of("earlier-1", "earlier-2"), Set.of());
    CounterBounds.Reading after =
        withIds(4, Set.of("earlier-1", "earlier-2", "op-0", "op-2"), Set.of());

    CheckResult r = CounterBounds.judge("c", increments(3, 0, 0), before, after);

    assertThat(r.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(r.evidence())
        .containsExactly(
            "lost updates: 1 acknowledged increments are missing from the increase (2 < 3 ok; value 2 before load, 4 after)",
            "1 acknowledged ids were never applied: op-1");
  }

  @Test
  void ids_this_run_reuses_from_an_earlier_run_are_left_out_of_the_id_comparison_and_named() {
    // A second run against a service that is still up sends the same op ids (<step>-<n>) again.
    CounterBounds.Reading before = withIds(3, Set.of("op-0", "op-1", "op-2"), Set.of());
    CounterBounds.Reading after =
        withIds(6, Set.of("op-0", "op-1", "op-2"), Set.of("op-0", "op-1", "op-2"));

    CheckResult r = CounterBounds.judge("c", increments(3, 0, 0), before, after);

    assertThat(r.status()).isEqualTo(CheckStatus.PASSED);
    assertThat(r.evidence())
        .containsExactly(
            "increase 3 (value 3 before load, 6 after) lies in [3, 3]",
            "note: 3 ids this run sent had been applied before load (an earlier run against the same service?), so the id comparison leaves them out:"
                + " op-0, op-1, op-2");
  }
}
