package dev.faultline.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BuiltinTargetsTest {

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void theHarnessListsExactlyTheVariantsTheBuiltinEnumsDeclare() throws Exception {
    String declared = builtinCatalogFromItsOwnClasses();

    String listed =
        BuiltinTargets.names().stream()
            .map(name -> name + "=" + String.join(",", BuiltinTargets.variants(name)) + "\n")
            .collect(Collectors.joining());

    assertThat(listed)
        .as("the harness's copy of the catalog must be what the builtin enums say now")
        .isEqualTo(declared);
  }

  @Test
  void theCorrectVariantComesFirstAndAnUnknownServiceHasNone() {
    assertThat(BuiltinTargets.names())
        .containsExactly(
            "counter",
            "config",
            "batch",
            "aggregator",
            "downstream",
            "pool",
            "cache",
            "ledger",
            "quote");
    assertThat(BuiltinTargets.variants("counter"))
        .containsExactly("locked", "atomic", "racy", "durable", "durable-lazy");
    assertThat(BuiltinTargets.variants("quote")).containsExactly("outside-lock", "coarse-lock");
    assertThat(BuiltinTargets.variants("counterr")).isEmpty();
  }

  /** Runs the builtin module's compiled catalog class, which prints what its enums declare. */
  private static String builtinCatalogFromItsOwnClasses() throws IOException, InterruptedException {
    Path classes = Path.of(System.getProperty("faultline.home"), "builtin/target/classes");
    assertThat(classes).as("the builtin module is built before the harness").isDirectory();
    Path out = Files.createTempFile("builtin-catalog", ".txt");
    try {
      Process java =
          new ProcessBuilder(
                  List.of(
                      Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                      "-cp",
                      classes.toString(),
                      "dev.faultline.builtin.BuiltinCatalog"))
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      boolean exited = java.waitFor(50, TimeUnit.SECONDS);
      if (!exited) {
        java.destroyForcibly();
      }
      assertThat(exited).as("the catalog prints promptly").isTrue();
      assertThat(java.exitValue()).isZero();
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
