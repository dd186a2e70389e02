package dev.faultline.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13's input items, each with the exact error a user reads: where, what, and the fix. */
class InputLimitsTest {

  @TempDir Path dir;

  private static final String VALID =
      """
            name: counter-locked
            seed: 7
            targets:
              counter: {builtin: counter, variant: locked}
            load:
              - name: increments
                target: counter
                request: POST /counter/increment?op=${op}
                workload: closed
                users: 16
                duration: 8s
            checks:
              - counter-consistency: {target: counter, load: increments, ops: GET /counter/ops}
            """;

  private String errorOf(String name, byte[] content) throws IOException {
    Path file = Files.write(dir.resolve(name), content);
    InvalidExperimentException e =
        catchThrowableOfType(InvalidExperimentException.class, () -> ExperimentLoader.load(file));
    assertThat(e).as("the file is refused").isNotNull();
    return e.errors().get(0).toString().replace(file.toString(), name);
  }

  private String errorOf(String name, String yaml) throws IOException {
    return errorOf(name, yaml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void a_ten_billion_second_duration_is_refused_with_its_bound_not_an_arithmetic_exception()
      throws IOException {
    assertThat(errorOf("long.yaml", VALID.replace("duration: 8s", "duration: 10000000000s")))
        .isEqualTo(
            """
                long.yaml:11:15: load[0].duration: "10000000000s" is too long: at most 24h
                    fix: write a duration such as 500ms, 2s or 1m (from 0s to 24h)""");
  }

  @Test
  void a_latin1_file_is_not_utf8_at_its_byte_not_a_permissions_problem() throws IOException {
    byte[] latin1 =
        VALID
            .replace("seed: 7", "description: café\nseed: 7")
            .getBytes(StandardCharsets.ISO_8859_1);

    assertThat(errorOf("latin1.yaml", latin1))
        .isEqualTo(
            """
                latin1.yaml:2:17: the file is not UTF-8: byte 0xE9 here is not valid UTF-8
                    fix: save the file as UTF-8, e.g. iconv -f ISO-8859-1 -t UTF-8 old.yaml > new.yaml (or your editor's "save with encoding")""");
  }

  @Test
  void a_nul_on_line_10_is_located_on_line_10() throws IOException {
    assertThat(errorOf("nul.yaml", VALID.replace("users: 16", "users: 16\0")))
        .isEqualTo(
            """
                nul.yaml:10:14: the character U+0000 (NUL) is not allowed in an experiment file (YAML takes printable text, tabs and line breaks)
                    fix: remove it; inside double quotes a character can be written as an escape, e.g. "\\t" or "\\u001b\"""");
  }

  @Test
  void nesting_past_the_depth_limit_is_located_where_it_crosses_it() throws IOException {
    assertThat(errorOf("deep.yaml", VALID + "deep: " + "[".repeat(40) + "]".repeat(40) + "\n"))
        .isEqualTo(
            """
                deep.yaml:14:36: maps and lists nest more than 30 deep here
                    fix: flatten the structure: an experiment needs a few levels, the catalog at most 6""");
  }

  @Test
  void an_alias_bomb_is_located_at_the_alias_that_is_one_too_many() throws IOException {
    StringBuilder bomb = new StringBuilder("l0: &l0 [a, b]\n");
    for (int i = 1; i <= 9; i++) {
      bomb.append("l")
          .append(i)
          .append(": &l")
          .append(i)
          .append(" [*l")
          .append(i - 1)
          .append(", *l")
          .append(i - 1)
          .append(", *l")
          .append(i - 1)
          .append("]\n");
    }

    assertThat(errorOf("bomb.yaml", VALID + bomb))
        .isEqualTo(
            """
                bomb.yaml:21:20: more than 20 aliases point at maps or lists (each one copies what it names)
                    fix: write the values out, or use fewer aliases""");
  }

  @Test
  void a_huge_name_is_not_echoed_back_whole() throws IOException {
    String name = ("n".repeat(60) + "\n  ").repeat(1000);

    assertThat(errorOf("name.yaml", VALID.replace("name: counter-locked", "name: " + name)))
        .isEqualTo(
            """
                name.yaml:1:7: name: "%s…" (60999 characters) is not a valid name
                    fix: use lowercase letters, digits and dashes, e.g. counter-locked"""
                .formatted("n".repeat(40)));
  }

  @Test
  void a_file_over_1_mib_is_refused_by_its_size_before_it_is_read() throws IOException {
    assertThat(errorOf("big.yaml", VALID + "#".repeat(Limits.MAX_FILE_BYTES)))
        .startsWith(
            """
                big.yaml:1:1: the file is %d bytes; an experiment file is at most 1048576 bytes (1 MiB)"""
                .formatted(VALID.length() + Limits.MAX_FILE_BYTES));
  }
}
