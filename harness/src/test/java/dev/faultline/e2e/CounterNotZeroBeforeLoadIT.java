package dev.faultline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.check.CheckResult;
import dev.faultline.check.CheckStatus;
import dev.faultline.experiment.ExperimentLoader;
import dev.faultline.launch.Target;
import dev.faultline.report.RunRecord;
import dev.faultline.report.Verdict;
import dev.faultline.run.Console;
import dev.faultline.run.RunOptions;
import dev.faultline.run.Suite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: counter-consistency assumed the counter was 0 when load started, so on a service that
 * had counted before (an attached {@code url} target) a correct counter showed phantom increments.
 * Each counter here is started by the test and incremented {@value #EARLIER} times before the run,
 * then attached by url: the locked one must pass, the racy one must still be caught, and a counter
 * that cannot be read before load must give an error with the reason.
 */
class CounterNotZeroBeforeLoadIT {

  private static final int EARLIER = 37;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir Path dir;

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void an_attached_counter_that_already_counted_is_judged_on_this_runs_increments()
      throws IOException, InterruptedException {
    try (BuiltinTargets targets =
        new BuiltinTargets(Files.createDirectories(dir.resolve("targets")))) {
      Target locked = targets.start("counter", "locked", Map.of());
      Target racy = targets.start("counter", "racy", Map.of());
      incrementBeforeTheRun(locked.baseUrl());
      incrementBeforeTheRun(racy.baseUrl());
      List<Path> files =
          List.of(
              attached(locked.baseUrl(), "locked", "pass", "/value"),
              attached(racy.baseUrl(), "racy", "caught", "/value"),
              attached(locked.baseUrl(), "unreadable", "pass", "/no-such-field"));

      List<RunRecord> runs =
          new Suite(
                  new RunOptions(
                      dir.resolve("reports"),
                      E2eSupport.home(),
                      new Console(
                          new PrintStream(
                              new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))))
              .run(ExperimentLoader.loadAll(files));

      CheckResult passed = runs.get(0).checks().get(0);
      Evidence.show(passed);
      assertThat(passed.status()).as(passed.summary()).isEqualTo(CheckStatus.PASSED);
      assertThat(passed.observed())
          .as("the evidence shows the value before load")
          .startsWith("increase = ")
          .contains("(value " + EARLIER + " before load, ");
      assertThat(passed.evidence())
          .contains(
              "every one of the "
                  + runs.get(0).load().get(0).ok()
                  + " acknowledged ids was applied exactly once");
      assertThat(runs.get(0).verdict()).as(runs.get(0).verdictSentence()).isEqualTo(Verdict.MET);

      CheckResult caught = runs.get(1).checks().get(0);
      Evidence.show(caught);
      assertThat(caught.status()).as(caught.summary()).isEqualTo(CheckStatus.FAILED);
      assertThat(caught.evidence().get(0))
          .startsWith("lost updates: ")
          .contains("value " + EARLIER + " before load, ");
      assertThat(runs.get(1).verdict()).as(runs.get(1).verdictSentence()).isEqualTo(Verdict.MET);

      CheckResult unread = runs.get(2).checks().get(0);
      Evidence.show(unread);
      assertThat(unread.status()).isEqualTo(CheckStatus.ERROR);
      assertThat(unread.evidence())
          .singleElement()
          .asString()
          .startsWith(
              "the counter was not read before load, so its increase is unknown: counter-consistency: the answer of GET /counter has no number at /no-such-field: {\"value\":");
    }
  }

  private static void incrementBeforeTheRun(URI counter) throws IOException, InterruptedException {
    for (int i = 1; i <= EARLIER; i++) {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(counter.resolve("/counter/increment?op=earlier-" + i))
                  .timeout(Duration.ofSeconds(5))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
  }

  /** An experiment attached by url to a counter the test started, under 8 closed users for 3 s. */
  private Path attached(URI counter, String name, String expect, String valuePointer)
      throws IOException {
    Path file = dir.resolve("attached-" + name + ".yaml");
    Files.writeString(
        file,
        """
                name: e2e-attached-%s
                description: "end-to-end: a counter that counted before the run, attached by url"
                expect: %s
                %s
                seed: 7
                targets:
                  counter: {url: "%s"}
                load:
                  - name: increments
                    target: counter
                    request: POST /counter/increment?op=${op}
                    workload: closed
                    users: 8
                    duration: 3s
                    max-requests: 20000
                checks:
                  - counter-consistency: {target: counter, load: increments, value: "%s", ops: GET /counter/ops}
                """
            .formatted(
                name,
                expect,
                expect.equals("caught") ? "caught-by: [counter-consistency]" : "",
                counter,
                valuePointer));
    return file;
  }
}
