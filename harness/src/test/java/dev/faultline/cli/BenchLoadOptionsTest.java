package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code faultline bench load}: bad options are refused before anything starts. */
class BenchLoadOptionsTest {

  @Test
  void aUrlBeyondLoopbackIsRefusedWithExit2() {
    CliRun run = CliRun.of("bench", "load", "--url", "http://192.168.1.20:8080");

    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "faultline bench load: bench load: baseUrl must be an http(s) URL on a loopback address"
                + " (127.0.0.0/8, localhost or [::1]), got 'http://192.168.1.20:8080'\n");
  }

  @Test
  void usersDurationAndRoundsAreBounded() {
    assertThat(CliRun.of("bench", "load", "--users", "0").err())
        .isEqualTo("faultline bench load: --users must be >= 1 and <= 10000, got 0\n");
    assertThat(CliRun.of("bench", "load", "--duration", "2m").err())
        .isEqualTo("faultline bench load: --duration must be >= 1s and <= 60s, got 120000ms\n");
    assertThat(CliRun.of("bench", "load", "--rounds", "11").err())
        .isEqualTo("faultline bench load: --rounds must be >= 1 and <= 10, got 11\n");
  }

  @Test
  void anUnknownBenchmarkNamesTheKnownOnes() {
    CliRun run = CliRun.of("bench", "disk");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("unknown benchmark 'disk'; available: proxy, load\n");
  }
}
