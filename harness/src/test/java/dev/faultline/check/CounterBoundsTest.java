package dev.faultline.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.load.Outcome;
import dev.faultline.load.RequestOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CounterBoundsTest {

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
            out.add(new RequestOutcome("inc", "op-" + n++, 0, 2_000_000, 0, Outcome.INDETERMINATE, "Request timeout"));
        }
        return out;
    }

    @Test
    void a_value_equal_to_the_acknowledged_increments_holds() {
        CheckResult r = CounterBounds.judge("c", increments(100, 0, 0), 100, null);

        assertThat(r.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(r.bound()).isEqualTo("value in [100, 100]");
        assertThat(r.observed()).isEqualTo("value = 100");
    }

    @Test
    void indeterminate_increments_widen_the_bound_both_ways() {
        assertThat(CounterBounds.judge("c", increments(100, 5, 10), 100, null).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(CounterBounds.judge("c", increments(100, 5, 10), 110, null).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(CounterBounds.judge("c", increments(100, 5, 10), 104, null).evidence().get(0))
                .isEqualTo("value 104 lies in [100, 110]; 4 of 10 indeterminate increments were applied");
    }

    @Test
    void a_value_below_the_acknowledged_increments_is_a_lost_update() {
        CheckResult r = CounterBounds.judge("c", increments(100, 0, 3), 90, null);

        assertThat(r.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(r.evidence()).containsExactly("lost updates: 10 acknowledged increments are missing from the value (90 < 100 ok)");
    }

    @Test
    void counting_a_failed_increment_is_a_failure() {
        CheckResult r = CounterBounds.judge("c", increments(100, 1, 0), 101, null);

        assertThat(r.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(r.evidence().get(0)).startsWith("phantom increments: the value exceeds ok + indeterminate by 1");
    }

    @Test
    void the_set_check_names_acknowledged_ids_that_were_never_applied() {
        List<RequestOutcome> sent = increments(3, 1, 0);
        CheckResult r = CounterBounds.judge("c", sent, 3, new CounterBounds.AppliedOps(Set.of("op-0", "op-1", "op-3"), Set.of()));

        assertThat(r.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(r.evidence()).containsExactly(
                "1 acknowledged ids were never applied: op-2",
                "1 ids that failed were applied anyway: op-3");
    }

    @Test
    void the_set_check_catches_duplicates_even_when_the_count_fits() {
        CheckResult r = CounterBounds.judge("c", increments(2, 0, 2), 3, new CounterBounds.AppliedOps(Set.of("op-0", "op-1"), Set.of("op-1")));

        assertThat(r.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(r.evidence()).contains("1 ids were applied more than once: op-1");
    }

    @Test
    void lost_updates_with_every_id_applied_is_the_racy_signature() {
        List<RequestOutcome> sent = increments(4, 0, 0);
        CheckResult r = CounterBounds.judge("c", sent, 3, new CounterBounds.AppliedOps(Set.of("op-0", "op-1", "op-2", "op-3"), Set.of()));

        assertThat(r.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(r.evidence()).containsExactly(
                "lost updates: 1 acknowledged increments are missing from the value (3 < 4 ok)",
                "every one of the 4 acknowledged ids was applied exactly once",
                "the service ran every acknowledged increment, yet its value shows fewer: updates were lost inside the read-modify-write (a race)");
    }
}
