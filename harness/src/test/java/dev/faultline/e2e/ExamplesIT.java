package dev.faultline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.faultline.check.CheckResult;
import dev.faultline.report.JournalReader;
import dev.faultline.report.RunRecord;
import dev.faultline.report.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples a user reads first (examples/), run as the README says, from the repository root,
 * through the real CLI: each must meet its expectation. The attached-url example runs in {@link
 * AttachedSpringAppIT}, which starts the application it attaches to.
 */
class ExamplesIT {

  @TempDir Path reports;

  @Test
  @Timeout(value = 15, unit = TimeUnit.MINUTES)
  void every_example_that_starts_its_own_services_meets_its_expectation() throws Exception {
    Map<String, RunRecord> runs =
        run(
            "examples/jdk-http-service.yaml",
            "examples/jdk-http-service-pool-per-request.yaml",
            "examples/spring-web-app.yaml",
            "examples/spring-web-app-chaos-monkey.yaml",
            "examples/two-services.yaml");

    runs.values()
        .forEach(
            r ->
                assertThat(r.verdict())
                    .as(r.experiment() + ": " + r.verdictSentence())
                    .isEqualTo(Verdict.MET));
    assertThat(leakCheck(runs.get("jdk-http-service")).passed())
        .as("a fixed pool of 64 that fills up is no leak")
        .isTrue();
    assertThat(runs.get("jdk-http-service-pool-per-request").verdictSentence())
        .as("the headline names the growing family with its total")
        .matches(
            "Met \\(control\\): the known bug was caught by no-thread-leak — pool-N-thread-N: \\d+ before load, \\d+ now \\(\\+\\d+\\).*");
  }

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void the_user_image_runs_in_container_mode() throws Exception {
    Process inspect =
        new ProcessBuilder("docker", "image", "inspect", "faultline-examples/inventory:local")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    boolean present = inspect.waitFor(60, TimeUnit.SECONDS) && inspect.exitValue() == 0;
    if (!present) {
      String why =
          "the image faultline-examples/inventory:local is not built (examples/jdk-http-service/build-image.sh, after ./faultline images)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(why + "; CI must build it");
      }
      Assumptions.abort(why);
    }

    RunRecord r = run("examples/jdk-http-service-container.yaml").get("jdk-http-service-container");

    assertThat(r.verdict()).as(r.verdictSentence()).isEqualTo(Verdict.MET);
  }

  private static CheckResult leakCheck(RunRecord r) {
    return r.checks().stream()
        .filter(c -> c.kind().equals("no-thread-leak"))
        .findFirst()
        .orElseThrow();
  }

  /** One CLI run of the files, from the repository root; each run's record by experiment name. */
  private Map<String, RunRecord> run(String... files) throws IOException, InterruptedException {
    Path home = E2eSupport.home();
    List<String> args = new ArrayList<>(List.of("run", "--reports", reports.toString()));
    args.addAll(List.of(files));
    try (CliProcess cli = CliProcess.startIn(home, home, args.toArray(String[]::new))) {
      assertThat(cli.process().waitFor(4L * files.length, TimeUnit.MINUTES))
          .as("the examples ran; printed:\n" + cli.output())
          .isTrue();
      System.out.println(cli.output());
    }
    Map<String, RunRecord> out = new LinkedHashMap<>();
    try (Stream<Path> s = Files.list(reports)) {
      for (Path folder : s.filter(Files::isDirectory).sorted().toList()) {
        RunRecord r = JournalReader.read(folder.resolve("journal.json"));
        out.put(r.experiment(), r);
      }
    }
    assertThat(out).as("a run folder per example").hasSize(files.length);
    return out;
  }
}
