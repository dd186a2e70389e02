package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
    PrintStream old = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = FaultlineCli.execute(command, "--help");
    } finally {
      System.setOut(old);
      System.setErr(oldErr);
    }

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: faultline " + command);
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("Missing required parameter");
  }
}
