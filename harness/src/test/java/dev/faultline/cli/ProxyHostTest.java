package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code faultline proxy --host}: loopback only, refused before anything listens. */
class ProxyHostTest {

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "::", "192.168.1.20", "example.com"})
  void a_host_beyond_loopback_is_refused_with_exit_2_and_a_fix(String host) {
    CliRun run = CliRun.of("proxy", "--host", host, "--port", "0");

    String said = run.err();
    assertThat(run.code()).as(said).isEqualTo(2);
    assertThat(said)
        .startsWith(
            "faultline proxy: --host "
                + host
                + " would listen beyond this machine: Faultline listens on loopback only.\n"
                + "fix: leave --host out (127.0.0.1), or give 127.0.0.1, ::1 or localhost");
    assertThat(run.out()).as("nothing was served").doesNotContain("Toxiproxy-compatible API on");
  }
}
