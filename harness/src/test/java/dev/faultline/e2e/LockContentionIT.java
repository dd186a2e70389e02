package dev.faultline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.api.Faultline;
import dev.faultline.api.RunResult;
import dev.faultline.api.RunSettings;
import dev.faultline.check.CheckStatus;
import dev.faultline.report.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDK Flight Recorder profile of a run, end to end: the catalog's quote service holding its
 * QuoteBook's monitor around a slow downstream call is caught by lock-contention, which names the
 * QuoteBook and the stack that waited; the correct service, calling outside the lock, passes; both
 * runs leave a {@code .jfr} per target and a report with each window's lock and flame graphs.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LockContentionIT {

  @TempDir Path reports;

  private static Path home() {
    return Path.of(System.getProperty("faultline.home", "..")).toAbsolutePath().normalize();
  }

  private RunResult run(String experiment) {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    RunResult r =
        Faultline.run(
            Faultline.load(home().resolve("experiments/" + experiment + ".yaml")),
            RunSettings.reportsIn(reports)
                .withHome(home())
                .withOutput(new PrintStream(console, true, StandardCharsets.UTF_8)));
    System.out.println(console.toString(StandardCharsets.UTF_8));
    return r;
  }

  @Test
  void a_coarse_lock_around_a_slow_downstream_call_is_caught_naming_the_lock_and_its_stack()
      throws Exception {
    RunResult r = run("quote-coarse-lock");

    assertThat(r.verdict())
        .as("a control whose bug is caught is met: " + r.verdictSentence())
        .isEqualTo(Verdict.MET);
    assertThat(r.expectationMet()).isTrue();
    assertThat(r.check("lock-contention").status()).isEqualTo(CheckStatus.FAILED);
    assertThat(r.check("lock-contention").message()).contains("QuoteBook during slow-downstream");
    String page = Files.readString(r.report());
    assertThat(page).contains("id=\"profiles\"").contains("QuoteBook (synchronized)");
    assertThat(page).contains("quote.jfr").contains("downstream.jfr");
    assertThat(page)
        .as("the slow downstream is the address the quote service's threads read from longest")
        .contains("(proxy quote-&gt;downstream)");
    assertThat(r.runFolder().resolve("quote.jfr")).isRegularFile();
    assertThat(r.runFolder().resolve("downstream.jfr")).isRegularFile();
    assertThat(page.split("class=\"flame-graph\"", -1).length - 1)
        .as("a CPU and a waiting flame graph for each window of each target")
        .isGreaterThanOrEqualTo(2 * 3 * 2);
    assertThat(profileWindows(r.journal()))
        .contains("quote before the first fault", "quote slow-downstream", "quote after rollback");
  }

  @Test
  void calling_the_downstream_outside_the_lock_passes_with_its_profile_recorded() {
    RunResult r = run("quote-outside-lock");

    assertThat(r.verdict()).as(r.verdictSentence()).isEqualTo(Verdict.MET);
    assertThat(r.check("lock-contention").status()).isEqualTo(CheckStatus.PASSED);
    assertThat(r.runFolder().resolve("quote.jfr")).isRegularFile();
  }

  private static List<String> profileWindows(Path journal) throws Exception {
    JsonNode events = new ObjectMapper().readTree(journal.toFile()).get("events");
    List<String> windows = new ArrayList<>();
    for (JsonNode e : events) {
      if (e.get("type").asText().equals("profile")) {
        windows.add(e.get("name").asText() + " " + e.get("data").get("window").asText());
      }
    }
    return windows;
  }
}
