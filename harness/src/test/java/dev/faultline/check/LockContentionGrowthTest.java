package dev.faultline.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.experiment.CheckSpecs;
import dev.faultline.profile.LockWait;
import dev.faultline.profile.ProfileWindow;
import dev.faultline.profile.TargetProfile;
import dev.faultline.profile.WindowProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** lock-contention without max-blocked: the windows under and after faults against before them. */
class LockContentionGrowthTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final WindowProfile.Pauses NONE =
      new WindowProfile.Pauses(0, Duration.ZERO, Duration.ZERO);

  private static WindowProfile window(String name, long fromMillis, long toMillis, LockWait... l) {
    return new WindowProfile(
        new ProfileWindow(name, T0.plusMillis(fromMillis), T0.plusMillis(toMillis)),
        List.of(l),
        Map.of(),
        List.of(),
        NONE,
        NONE,
        List.of(),
        Map.of(),
        Map.of());
  }

  private static LockWait lock(String name, long blockedMillis, int waits) {
    return new LockWait(
        name,
        "monitor",
        Duration.ofMillis(blockedMillis),
        Duration.ofMillis(blockedMillis / waits * 2),
        7,
        waits,
        List.of());
  }

  private static TargetProfile profile(WindowProfile... windows) {
    return new TargetProfile("quotes", Path.of("run/quotes.jfr"), List.of(windows));
  }

  private static CheckSpecs.LockContention spec(String during) {
    return new CheckSpecs.LockContention(null, "quotes", null, during);
  }

  @Test
  void a_lock_whose_waits_the_fault_made_long_fails_against_its_waits_before() {
    // 8 users queue on the monitor before the fault too; what the fault changes is each wait.
    CheckResult r =
        LockContentions.judge(
            spec(null),
            profile(
                window("before the first fault", 0, 2_300, lock("QuoteBook", 10_400, 149)),
                window("slow-downstream", 2_300, 6_300, lock("QuoteBook", 28_000, 26)),
                window("after rollback", 6_300, 8_000, lock("QuoteBook", 7_500, 116))));

    assertThat(r.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(r.bound()).isEqualTo(LockContentionGrowth.BOUND);
    assertThat(r.observed())
        .isEqualTo(
            "mean wait 1.1 s on QuoteBook during slow-downstream (26 waits, 28.0 s blocked in"
                + " total), against 69 ms before the first fault; allowed 209 ms");
    assertThat(r.evidence())
        .contains(
            "before the first fault (2.3 s): QuoteBook (synchronized): 10.4 s blocked in total by 7"
                + " threads in 149 waits, longest 138 ms");
  }

  @Test
  void a_lock_held_by_design_waits_as_long_before_the_faults_as_under_them_and_passes() {
    // A counter held across its work: 16 users queue on it all the time, fault or not.
    CheckResult r =
        LockContentions.judge(
            spec(null),
            profile(
                window("before the first fault", 0, 2_000, lock("Counter", 7_800, 150)),
                window("latency", 2_000, 6_000, lock("Counter", 19_000, 360)),
                window("after rollback", 6_000, 8_000, lock("Counter", 8_100, 160))));

    assertThat(r.status()).isEqualTo(CheckStatus.PASSED);
  }

  @Test
  void the_short_waits_of_a_busy_machine_pass_even_on_a_lock_nobody_waited_for_before() {
    CheckResult r =
        LockContentions.judge(
            spec(null),
            profile(
                window("before the first fault", 0, 3_000),
                window("latency", 3_000, 7_000, lock("OutputStreamAppender", 3_000, 100))));

    assertThat(r.status()).isEqualTo(CheckStatus.PASSED);
  }

  @Test
  void a_single_long_wait_in_a_short_window_after_rollback_is_not_enough_to_fail() {
    CheckResult r =
        LockContentions.judge(
            spec(null),
            profile(
                window("before the first fault", 0, 3_000),
                window("latency", 3_000, 6_000),
                window("after rollback", 6_000, 6_300, lock("Cache", 400, 1))));

    assertThat(r.status()).isEqualTo(CheckStatus.PASSED);
  }

  @Test
  void a_lock_that_makes_threads_wait_long_only_under_the_fault_fails() {
    CheckResult r =
        LockContentions.judge(
            spec("latency"),
            profile(
                window("before the first fault", 0, 3_000, lock("Cache", 2_000, 40)),
                window("latency", 3_000, 6_000, lock("Cache", 2_500, 40), lock("Pool", 1_200, 4))));

    assertThat(r.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(r.observed()).startsWith("mean wait 300 ms on Pool during latency");
  }

  @Test
  void without_load_before_the_first_fault_it_cannot_judge_and_says_how_to_fix_it() {
    CheckResult r =
        LockContentions.judge(
            spec(null), profile(window("latency", 0, 3_000, lock("QuoteBook", 5_000, 10))));

    assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
    assertThat(r.evidence().get(0))
        .endsWith(
            "fix: give the check a bound of its own (max-blocked: 1s), or let the first fault come"
                + " on a few seconds in");
  }

  @Test
  void during_a_fault_that_never_came_on_is_an_error() {
    CheckResult r =
        LockContentions.judge(
            spec("pause-db"),
            profile(
                window("before the first fault", 0, 3_000),
                window("latency", 3_000, 6_000, lock("QuoteBook", 5_000, 10))));

    assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
    assertThat(r.evidence()).containsExactly("fault pause-db was never on while the load ran");
  }
}
