package dev.faultline.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunTimingsTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private static Instant at(long millis) {
    return T0.plusMillis(millis);
  }

  @Test
  void every_phase_beyond_the_declared_load_adds_up_to_the_overhead() {
    RunTimings t =
        new RunTimings(
            T0, at(2_500), at(2_650), at(8_900), at(9_200), at(9_700), Duration.ofSeconds(6));

    assertThat(t.phases())
        .containsExactly(
            entry("start", 2_500),
            entry("first request", 150),
            entry("load", 6_000),
            entry("tail", 250),
            entry("checks", 300),
            entry("teardown", 500));
    assertThat(t.overhead()).isEqualTo(Duration.ofMillis(3_700));
    assertThat(t.describe())
        .isEqualTo(
            "overhead 3.7 s beyond the 6.0 s of load declared: start 2.5 s, first request 150 ms,"
                + " tail 250 ms, checks 300 ms, teardown 500 ms");
    assertThat(t.fields())
        .containsEntry("first-request-ms", "150")
        .containsEntry("tail-ms", "250")
        .containsEntry("overhead-ms", "3700")
        .containsEntry("declared-ms", "6000");
  }

  @Test
  void a_load_that_ends_early_has_no_tail_and_counts_only_what_ran() {
    RunTimings t =
        new RunTimings(
            T0, at(1_000), at(1_100), at(4_100), at(4_200), at(4_500), Duration.ofSeconds(6));

    assertThat(t.phases()).containsEntry("load", Duration.ofMillis(3_000));
    assertThat(t.phases()).containsEntry("tail", Duration.ZERO);
  }

  @Test
  void a_run_that_stopped_before_load_counts_all_its_time_as_start() {
    RunTimings t = new RunTimings(T0, null, null, null, null, at(3_000), Duration.ofSeconds(6));

    assertThat(t.phases()).containsExactly(entry("start", 3_000));
    assertThat(t.describe())
        .isEqualTo("overhead 3.0 s beyond the 6.0 s of load declared: start 3.0 s");
  }

  private static java.util.Map.Entry<String, Duration> entry(String name, long millis) {
    return java.util.Map.entry(name, Duration.ofMillis(millis));
  }
}
