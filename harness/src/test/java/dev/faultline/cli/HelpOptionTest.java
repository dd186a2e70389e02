package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpOptionTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "run",
        "validate",
        "list",
        "gameday",
        "abort",
        "proxy",
        "report",
        "bench",
        "schema",
        "images"
      })
  void every_command_prints_its_usage_for_help_and_exits_0(String command) {
    CliRun run = CliRun.of(command, "--help");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("Usage: faultline " + command);
    assertThat(run.err()).doesNotContain("Missing required parameter");
  }
}
