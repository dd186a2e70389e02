package dev.faultline.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.experiment.CheckSpecs;
import dev.faultline.profile.LockWait;
import dev.faultline.profile.ProfileWindow;
import dev.faultline.profile.SocketWait;
import dev.faultline.profile.TargetProfile;
import dev.faultline.profile.WindowProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LockContentionsTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final WindowProfile.Pauses NONE =
      new WindowProfile.Pauses(0, Duration.ZERO, Duration.ZERO);

  private static WindowProfile window(
      String name, int from, List<LockWait> locks, List<SocketWait> sockets) {
    return new WindowProfile(
        new ProfileWindow(name, T0.plusSeconds(from), T0.plusSeconds(from + 3)),
        locks,
        Map.of(),
        sockets,
        NONE,
        NONE,
        List.of(),
        Map.of(),
        Map.of());
  }

  private static LockWait quoteBook(long blockedMillis) {
    return new LockWait(
        "com.acme.quotes.QuoteBook",
        "monitor",
        Duration.ofMillis(blockedMillis),
        Duration.ofMillis(210),
        7,
        40,
        List.of("com.acme.quotes.QuoteService.quote:42", "com.acme.quotes.QuoteController.get:18"));
  }

  private static TargetProfile profile(long blockedUnderFault) {
    return new TargetProfile(
        "quotes",
        Path.of("reports/run/quotes.jfr"),
        List.of(
            window("before the first fault", 0, List.of(quoteBook(30)), List.of()),
            window(
                "slow-downstream",
                3,
                List.of(quoteBook(blockedUnderFault)),
                List.of(
                    new SocketWait(
                        "127.0.0.1:41234",
                        Duration.ofMillis(5200),
                        Duration.ofMillis(220),
                        24,
                        1))),
            window("after rollback", 6, List.of(), List.of())));
  }

  private static CheckSpecs.LockContention spec(String during) {
    return new CheckSpecs.LockContention(null, "quotes", Duration.ofSeconds(1), during);
  }

  @Test
  void a_lock_held_across_a_slow_call_fails_naming_the_lock_its_stack_and_the_slow_address() {
    CheckResult r = LockContentions.judge(spec(null), profile(8_400));
    assertThat(r.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(r.bound()).isEqualTo("at most 1.0 s per lock and window");
    assertThat(r.observed()).isEqualTo("8.4 s on com.acme.quotes.QuoteBook during slow-downstream");
    assertThat(r.evidence().get(0))
        .isEqualTo(
            "during slow-downstream: com.acme.quotes.QuoteBook (synchronized): 8.4 s blocked in"
                + " total by 7 threads in 40 waits, longest 210 ms");
    assertThat(r.evidence().get(1))
        .isEqualTo(
            "the stack that waited longest: at com.acme.quotes.QuoteService.quote:42 ←"
                + " com.acme.quotes.QuoteController.get:18");
    assertThat(r.evidence().get(2))
        .startsWith("meanwhile threads read longest from 127.0.0.1:41234");
  }

  @Test
  void short_waits_within_the_bound_pass_and_a_window_without_any_wait_says_so() {
    CheckResult r = LockContentions.judge(spec(null), profile(400));
    assertThat(r.status()).isEqualTo(CheckStatus.PASSED);
    assertThat(r.evidence()).contains("after rollback: no wait for a lock above 10 ms");
  }

  @Test
  void during_narrows_the_judgement_to_that_faults_window() {
    CheckResult r = LockContentions.judge(spec("slow-downstream"), profile(900));
    assertThat(r.status()).isEqualTo(CheckStatus.PASSED);
    assertThat(r.observed())
        .isEqualTo("900 ms on com.acme.quotes.QuoteBook during slow-downstream");
    CheckResult never = LockContentions.judge(spec("pause-db"), profile(900));
    assertThat(never.status()).isEqualTo(CheckStatus.ERROR);
    assertThat(never.evidence()).containsExactly("fault pause-db was never on while the load ran");
  }
}
