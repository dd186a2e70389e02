package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

  @TempDir Path dir;

  private String stderrOf(Runnable r) {
    PrintStream old = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setErr(old);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void a_typo_a_wrong_type_and_a_missing_field_exit_2_with_three_located_errors_and_fixes()
      throws IOException {
    Path file = dir.resolve("broken.yaml");
    Files.writeString(
        file,
        """
                name: broken
                targets:
                  counter: {builtin: counter, variant: locked}
                load:
                  - target: counter
                    request: POST /counter/increment
                    workload: closed
                    users: sixteen
                    duraton: 5s
                checks:
                  - counter-consistency: {target: counter, load: counter}
                """);
    int[] code = new int[1];

    String err = stderrOf(() -> code[0] = FaultlineCli.execute("validate", file.toString()));

    assertThat(code[0]).isEqualTo(2);
    assertThat(err)
        .startsWith("3 errors in experiment files:")
        .contains(
            file
                + ":5:5: load[0].duration: required field \"duration\" is missing\n    fix: add \"duration: a duration such as 500ms, 2s or 1m\" under load[0]")
        .contains(
            file
                + ":8:12: load[0].users: \"sixteen\" is not a whole number\n    fix: write a whole number, e.g. 16")
        .contains(
            file
                + ":9:5: load[0].duraton: unknown field \"duraton\"\n    fix: did you mean \"duration\"?");
  }

  @Test
  void a_misspelt_placeholder_and_one_naming_nothing_exit_2_with_their_locations()
      throws IOException {
    Path file = dir.resolve("wired.yaml");
    Files.writeString(
        file,
        """
                name: wired
                targets:
                  back: {command: [java, Back.java, "${port}"]}
                  front: {command: [java, Front.java, "${prot}", "${url:nosuch}"], calls: [back]}
                load:
                  - {name: calls, target: front, request: GET /, workload: closed, users: 1, duration: 2s}
                checks:
                  - no-deadlock: {target: front, load: calls}
                """);
    int[] code = new int[1];

    String err = stderrOf(() -> code[0] = FaultlineCli.execute("validate", file.toString()));

    assertThat(code[0]).isEqualTo(2);
    assertThat(err)
        .startsWith("2 errors in experiment files:")
        .contains(
            file
                + ":4:39: targets.front.command[2]: unknown placeholder ${prot}\n    fix: did you mean ${port}?")
        .contains(
            file
                + ":4:50: targets.front.command[3]: unknown placeholder ${url:nosuch}: no target or proxy is named \"nosuch\"\n"
                + "    fix: placeholders are ${port}, ${url:NAME}, ${host:NAME}, ${port:NAME}, NAME one of: back, front, front->back");
  }

  @Test
  void a_valid_catalog_exits_0() {
    Path catalog = Path.of(System.getProperty("faultline.home", "..")).resolve("experiments");

    assertThat(FaultlineCli.execute("validate", catalog.toString())).isZero();
  }

  @Test
  void run_with_an_invalid_file_starts_nothing_and_exits_2() throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "name: bad\n");
    long childrenBefore = ProcessHandle.current().descendants().count();

    String err =
        stderrOf(
            () ->
                assertThat(
                        FaultlineCli.execute(
                            "run", "--reports", dir.resolve("reports").toString(), file.toString()))
                    .isEqualTo(2));

    assertThat(err).contains("Nothing was started.");
    assertThat(dir.resolve("reports")).doesNotExist();
    assertThat(ProcessHandle.current().descendants().count()).isEqualTo(childrenBefore);
  }
}
