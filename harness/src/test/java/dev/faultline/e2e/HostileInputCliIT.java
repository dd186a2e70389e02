package dev.faultline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13's acceptance cases through the real CLI in a JVM of its own: a 50 MB one-scalar file, a
 * ten-billion-second duration and each value {@code run} used to refuse only after starting targets
 * are refused by {@code validate} with exit 2, the file:line of the value, a fix and no stack
 * trace, each within 10 s (JVM start included). The in-process corpus ({@code
 * HostileInputCorpusTest}) covers the other mutants (389 files).
 */
class HostileInputCliIT {

  @TempDir static Path dir;

  static Stream<Arguments> hostileFiles() {
    return Stream.of(
        Arguments.of(
            "duration-ten-billion-seconds",
            "counter-locked",
            "    duration: 5s",
            "    duration: 10000000000s",
            ":17:15: load[0].duration: \"10000000000s\" is too long: at most 24h"),
        Arguments.of(
            "rate-1e20",
            "counter-latency",
            "    rate: 60/s",
            "    rate: 1e20/s",
            ":19:11: load[0].rate: \"1e20/s\" is not a rate"),
        Arguments.of(
            "rate-billion",
            "counter-latency",
            "    rate: 60/s",
            "    rate: 1000000000/s",
            ":19:11: load[0].rate: a rate is at most 10000/s"),
        Arguments.of(
            "rate-10001",
            "counter-latency",
            "    rate: 60/s",
            "    rate: 10001/s",
            ":19:11: load[0].rate: a rate is at most 10000/s (per load step), got 10001/s"),
        Arguments.of(
            "request-timeout-0s",
            "counter-latency",
            "request-timeout: 2s",
            "request-timeout: 0s",
            ":6:18: request-timeout: \"0s\" is too short: at least 1ms"),
        Arguments.of(
            "request-timeout-11m",
            "counter-latency",
            "request-timeout: 2s",
            "request-timeout: 11m",
            ":6:18: request-timeout: \"11m\" is too long: at most 10m"),
        Arguments.of(
            "listen-port-99999",
            "counter-latency",
            "    upstream: counter\n",
            "    upstream: counter\n    listen: 127.0.0.1:99999\n",
            ":14:13: proxies.counter-front.listen: \"127.0.0.1:99999\" has port 99999; a port is at most 65535"),
        Arguments.of(
            "listen-any",
            "counter-latency",
            "    upstream: counter\n",
            "    upstream: counter\n    listen: 0.0.0.0:0\n",
            ":14:13: proxies.counter-front.listen: \"0.0.0.0:0\" would listen beyond this machine"),
        Arguments.of(
            "url-ftp",
            "counter-locked",
            "    builtin: counter\n    variant: locked",
            "    url: ftp://127.0.0.1:8080",
            ":8:10: targets.counter.url: \"ftp://127.0.0.1:8080\" is not an http or https URL"),
        Arguments.of(
            "toxiproxy-remote",
            "counter-latency",
            "proxies:",
            "toxiproxy: {url: \"http://10.1.2.3:8474\"}\nproxies:",
            ":11:18: toxiproxy.url: Faultline sends traffic only to this machine; \"http://10.1.2.3:8474\" is not a loopback address"),
        Arguments.of(
            "nul-on-line-10",
            "counter-locked",
            "    users: 16",
            "    users: 16\0",
            ":15:14: the character U+0000 (NUL) is not allowed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileFiles")
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void validate_refuses_it_with_exit_2_its_line_a_fix_and_no_stack_trace(
      String name, String base, String from, String to, String expected) throws Exception {
    String text =
        Files.readString(E2eSupport.home().resolve("experiments").resolve(base + ".yaml"));
    assertThat(text).as("the catalog file still holds what the case replaces").contains(from);
    Path file = Files.writeString(dir.resolve(name + ".yaml"), text.replace(from, to));

    assertRefusedWithin10s(file, file + expected);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void a_50_mb_file_of_one_scalar_is_refused_by_its_size_before_it_is_read() throws Exception {
    Path file = dir.resolve("one-50mb-scalar.yaml");
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("name: x\ndescription: ");
      char[] chunk = "a".repeat(1 << 16).toCharArray();
      for (int i = 0; i < 800; i++) {
        w.write(chunk);
      }
    }

    assertRefusedWithin10s(
        file,
        file
            + ":1:1: the file is "
            + Files.size(file)
            + " bytes; an experiment file is at most 1048576 bytes (1 MiB)");
  }

  private static void assertRefusedWithin10s(Path file, String expected)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    try (CliProcess cli = CliProcess.start(E2eSupport.home(), "validate", file.toString())) {
      assertThat(cli.process().waitFor(10, TimeUnit.SECONDS))
          .as("validate ends within 10 s")
          .isTrue();
      long millis = (System.nanoTime() - start) / 1_000_000;
      String out = awaitOutput(cli);
      System.out.println(
          "validate "
              + file.getFileName()
              + ": exit "
              + cli.process().exitValue()
              + " in "
              + millis
              + " ms");
      assertThat(cli.process().exitValue()).as(out).isEqualTo(2);
      assertThat(out)
          .contains(expected)
          .contains("\n    fix: ")
          .doesNotContain("Exception")
          .doesNotContain("\tat ");
    }
  }

  /** The reader thread may still be draining the pipe when the process has exited. */
  private static String awaitOutput(CliProcess cli) {
    await().atMost(Duration.ofSeconds(5)).until(() -> cli.printed("fix:"));
    return cli.output();
  }
}
