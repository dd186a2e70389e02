package dev.faultline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.check.CheckResult;
import dev.faultline.check.CheckStatus;
import dev.faultline.check.Checks;
import dev.faultline.experiment.CheckSpecs;
import dev.faultline.experiment.HttpRequestLine;
import dev.faultline.launch.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(240)
class InvariantIT {

  private static final CheckSpecs.Invariant NO_TORN_READS =
      new CheckSpecs.Invariant(
          "no-torn-reads",
          "config",
          HttpRequestLine.parse("GET /config/stats"),
          "$.tornReads",
          null,
          0.0,
          null,
          Duration.ofSeconds(1));

  @TempDir static Path runFolder;
  static BuiltinTargets targets;

  @BeforeAll
  static void start() {
    targets = new BuiltinTargets(runFolder);
  }

  @AfterAll
  static void stop() {
    targets.close();
  }

  /** Writers and readers at once, as the load would. */
  private static CheckResult tornReadsAfterConcurrentUse(String variant) {
    Target config = targets.start("config", variant, Map.of());
    CompletableFuture<?> writes =
        CompletableFuture.runAsync(
            () ->
                HttpLoad.send(
                    config.baseUrl(), "POST", "/config/write", 200, 2, Duration.ofSeconds(5)));
    HttpLoad.send(config.baseUrl(), "GET", "/config", 600, 6, Duration.ofSeconds(5));
    writes.join();
    CheckResult r = Checks.of(NO_TORN_READS).evaluate(ObservedContext.of(config.baseUrl()));
    config.close();
    return r;
  }

  @Test
  void the_read_write_lock_never_returns_a_torn_snapshot() {
    CheckResult r = tornReadsAfterConcurrentUse("rwlock");

    assertThat(r.status()).as(r.summary() + "\n" + r.evidence()).isEqualTo(CheckStatus.PASSED);
    assertThat(r.observed()).isEqualTo("$.tornReads = 0");
  }

  @Test
  void the_torn_writer_is_caught_by_the_invariant_with_the_value_and_the_answer() {
    CheckResult r = tornReadsAfterConcurrentUse("torn");
    Evidence.show(r);

    assertThat(r.status()).as(r.summary()).isEqualTo(CheckStatus.FAILED);
    assertThat(r.bound()).isEqualTo("$.tornReads at most 0, within 1000 ms");
    assertThat(r.evidence().get(0))
        .matches(
            "\\$\\.tornReads = [1-9]\\d*, expected at most 0 — still so after \\d+ probes over 1000 ms");
    assertThat(r.evidence().get(1))
        .startsWith("last answer of GET /config/stats at http://127.0.0.1:")
        .contains("\"variant\":\"torn\"");
  }

  @Test
  void a_steady_state_probe_is_named_after_the_probe() {
    Target config = targets.start("config", "rwlock", Map.of());
    CheckResult r =
        Checks.steadyState(NO_TORN_READS).evaluate(ObservedContext.of(config.baseUrl()));

    assertThat(r.name()).isEqualTo("steady-state:no-torn-reads");
    assertThat(r.status()).isEqualTo(CheckStatus.PASSED);
  }
}
