package dev.faultline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.experiment.ExperimentLoader;
import dev.faultline.report.FaultWindow;
import dev.faultline.report.RunRecord;
import dev.faultline.report.StepSummary;
import dev.faultline.report.Verdict;
import dev.faultline.run.Console;
import dev.faultline.run.ExperimentRun;
import dev.faultline.run.RunOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
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
 * Two plain JDK services started by command:, the front told the back's proxy with
 * ${url:front->back}.
 */
class WiringIT {
  /** How long before the window's off-stamp a call must end to have met the toxic whole. */
  private static final long ROLLBACK_MARGIN_MILLIS = 500;

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  static Path service(String file) {
    try {
      return Path.of(WiringIT.class.getResource("services/" + file).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void
      a_command_target_wired_to_its_callees_proxy_runs_and_the_proxys_latency_shows_in_its_answers()
          throws IOException {
    Path file = dir.resolve("wired.yaml");
    Files.writeString(
        file,
        """
                name: e2e-wired
                description: "front calls back through the proxy front->back, whose address it gets from ${url:front->back}"
                seed: 3
                request-timeout: 5s
                targets:
                  back: {command: [%1$s, %2$s, "${port}"], health: /health}
                  front:
                    command: [%1$s, %3$s, "${port}"]
                    env: {BACK_URL: "${url:front->back}"}
                    health: /health
                    calls: [back]
                load:
                  - {name: calls, target: front, request: GET /call, workload: open, rate: 10/s, duration: 10s, max-requests: 500}
                faults:
                  - {name: slow-back, at: 0s, latency: {proxy: front->back, latency: 400ms}}
                checks:
                  - invariant: {name: calls-reached-back, target: front, request: GET /stats, path: $.calls, at-least: 20}
                """
            .formatted(java(), service("BackService.java"), service("FrontService.java")));
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    RunRecord run =
        new ExperimentRun(
                ExperimentLoader.load(file),
                new RunOptions(
                    dir.resolve("reports"),
                    E2eSupport.home(),
                    new Console(new PrintStream(console, true, StandardCharsets.UTF_8))))
            .execute();

    assertThat(run.verdict()).as(run.verdictSentence() + "\n" + console).isEqualTo(Verdict.MET);
    StepSummary calls = run.load().get(0);
    assertThat(calls.ok())
        .as("calls answered through the proxy to back\n%s", console)
        .isGreaterThanOrEqualTo(10);
    FaultWindow slow = run.faults().get(0);
    List<Long> afterOn = new ArrayList<>();
    for (String line : Files.readAllLines(run.folder().resolve("outcomes.jsonl"))) {
      JsonNode o = JSON.readTree(line);
      long start = o.get("startMillis").asLong();
      long end = start + o.get("latencyMicros").asLong() / 1000;
      // Whole inside the window: a call still in flight when the fault was rolled back at the
      // end of load gets only part of the delay. The window's off is stamped once the rollback has
      // returned, and the toxic left the proxy some time before that (a 313 ms call ended 0 ms
      // before the stamp on a busy CI machine): a call must end well before the stamp to be sure.
      if ("OK".equals(o.get("outcome").asText())
          && start >= slow.on().toEpochMilli()
          && (slow.off() == null || end <= slow.off().toEpochMilli() - ROLLBACK_MARGIN_MILLIS)) {
        afterOn.add(o.get("latencyMicros").asLong() / 1000);
      }
    }
    // The toxic's 400 ms is a floor no call through the proxy escapes, however busy the machine; a
    // call
    // that bypassed the proxy would answer in milliseconds on a quiet one.
    assertThat(afterOn)
        .as("calls made while front->back added 400 ms\n%s", console)
        .hasSizeGreaterThanOrEqualTo(5)
        .allSatisfy(ms -> assertThat(ms).isGreaterThanOrEqualTo(400));
    assertThat(calls.p50Millis()).as("the median call of front").isGreaterThanOrEqualTo(400);
    assertThat(run.folder().resolve(".java-prefs"))
        .as("Gatling's preferences stay in its JVM's memory")
        .doesNotExist();
    assertThat(Files.readString(run.folder().resolve("journal.json")))
        .contains("wired to front->back at http://127.0.0.1:");
  }
}
