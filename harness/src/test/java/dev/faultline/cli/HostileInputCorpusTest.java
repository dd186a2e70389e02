package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.faultline.cli.HostileCorpus.Mutant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input corpus (issue 13): catalog experiments mutated in every way a careless or
 * hostile author could, each validated in-process through the CLI: refused with exit 2, on the line
 * the mutation touched, with a message, a fix and no stack trace, in under 5 s, nothing started; or
 * accepted where the input is legitimate. Limits and addresses refused by validate are also given
 * to {@code run}, which must start nothing. Prints the counts per family.
 */
@Timeout(600)
class HostileInputCorpusTest {

  private static final Duration EACH_WITHIN = Duration.ofSeconds(5);
  private static final Set<String> ALSO_RUN = Set.of("limits", "addresses");
  private static final Map<String, int[]> COUNTS = new TreeMap<>();
  private static final Map<String, Long> BIG_FILE_MILLIS = new TreeMap<>();
  private static final Map<String, Long> SLOWEST = new TreeMap<>();

  @TempDir static Path dir;

  private record Answer(int code, String out, String err, Duration took) {}

  @TestFactory
  Stream<DynamicTest> every_mutant_is_refused_on_its_line_with_a_fix_or_accepted_when_legitimate()
      throws IOException {
    Path catalog = Path.of(System.getProperty("faultline.home", "..")).resolve("experiments");
    List<Mutant> corpus = HostileCorpus.generate(catalog, dir.resolve("corpus"));
    assertThat(corpus)
        .as("the issue asks for at least 200 generated files")
        .hasSizeGreaterThanOrEqualTo(200);
    return corpus.stream()
        .map(
            m ->
                dynamicTest(
                    m.family() + "/" + m.name() + " (" + m.file().getFileName() + ")",
                    () -> check(m)));
  }

  private static void check(Mutant m) {
    long childrenBefore = ProcessHandle.current().descendants().count();
    Answer a = execute("validate", m.file().toString());

    assertThat(a.took()).as("validate answers within 5 s").isLessThan(EACH_WITHIN);
    assertThat(a.out() + a.err())
        .as("no stack trace")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    if (m.accepted()) {
      assertThat(a.code()).as(a.err()).isZero();
      assertThat(a.out()).contains("ok  " + m.file());
    } else {
      assertThat(a.code()).as(a.out()).isEqualTo(2);
      assertThat(lineOf(m, a.err()))
          .as("the line of \"" + m.message() + "\" in:\n" + a.err())
          .isBetween(m.line(), m.line() + m.slack());
      assertThat(a.err()).contains("\n    fix: ");
      assertThat(a.err().lines())
          .as("no line echoes a huge value")
          .allMatch(l -> l.length() < 1000);
      if (ALSO_RUN.contains(m.family())) {
        assertRunStartsNothing(m);
      }
    }
    assertThat(ProcessHandle.current().descendants().count())
        .as("nothing started")
        .isEqualTo(childrenBefore);
    if (Files.isRegularFile(m.file()) && m.file().toFile().length() > 1_000_000) {
      BIG_FILE_MILLIS.put(m.family() + "/" + m.name(), a.took().toMillis());
    }
    if (SLOWEST.isEmpty() || a.took().toMillis() > SLOWEST.values().iterator().next()) {
      SLOWEST.clear();
      SLOWEST.put(
          m.family() + "/" + m.name() + " (" + m.file().getFileName() + ")", a.took().toMillis());
    }
    int[] c = COUNTS.computeIfAbsent(m.family(), f -> new int[2]);
    c[m.accepted() ? 1 : 0]++;
  }

  /**
   * The line of the error carrying the expected message: {@code <file>:<line>:<column>: ...
   * <message>}.
   */
  private static int lineOf(Mutant m, String err) {
    Matcher at = Pattern.compile(Pattern.quote(m.file().toString()) + ":(\\d+):\\d+: ").matcher("");
    for (String line : err.split("\n")) {
      if (line.contains(m.message()) && at.reset(line).lookingAt()) {
        return Integer.parseInt(at.group(1));
      }
    }
    return -1;
  }

  private static void assertRunStartsNothing(Mutant m) {
    Path reports = dir.resolve("reports-" + m.family() + "-" + m.file().getFileName());
    Answer run = execute("run", "--reports", reports.toString(), m.file().toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("Nothing was started.").contains(m.message());
    assertThat(reports).doesNotExist();
  }

  private static Answer execute(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    long start = System.nanoTime();
    int code;
    try {
      code = FaultlineCli.execute(args);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    return new Answer(
        code,
        out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8),
        Duration.ofNanos(System.nanoTime() - start));
  }

  @AfterAll
  static void printCounts() {
    int refused = COUNTS.values().stream().mapToInt(c -> c[0]).sum();
    int accepted = COUNTS.values().stream().mapToInt(c -> c[1]).sum();
    StringBuilder s =
        new StringBuilder(
            "hostile-input corpus: "
                + (refused + accepted)
                + " files, "
                + refused
                + " refused, "
                + accepted
                + " accepted\n");
    COUNTS.forEach(
        (family, c) ->
            s.append(
                String.format(
                    "  %-20s %3d files  %3d refused  %3d accepted%n",
                    family, c[0] + c[1], c[0], c[1])));
    BIG_FILE_MILLIS.forEach(
        (name, ms) -> s.append(String.format("  big file %-40s validate took %d ms%n", name, ms)));
    SLOWEST.forEach((name, ms) -> s.append(String.format("  slowest: %s, %d ms%n", name, ms)));
    System.out.print(s);
  }
}
