package dev.faultline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.check.CheckResult;
import dev.faultline.check.CheckStatus;
import dev.faultline.check.Checks;
import dev.faultline.experiment.CheckSpecs;
import dev.faultline.experiment.HttpRequestLine;
import dev.faultline.launch.Target;
import dev.faultline.load.RequestOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each downstream call of /aggregate?ms=2000 takes 2 s: longer than the aggregator's 500 ms
 * deadline.
 */
@Timeout(240)
class TimeoutsFireIT {

  private static final CheckSpecs.TimeoutsFire SPEC =
      new CheckSpecs.TimeoutsFire(
          null,
          "aggregator",
          "load",
          Duration.ofMillis(500),
          Duration.ofMillis(300),
          null,
          HttpRequestLine.parse("GET /aggregate/stats"),
          "/timeoutsFired");

  @TempDir static Path runFolder;
  static BuiltinTargets targets;
  static Target downstream;

  @BeforeAll
  static void start() {
    targets = new BuiltinTargets(runFolder);
    downstream = targets.start("downstream", "default", Map.of());
  }

  @AfterAll
  static void stop() {
    targets.close();
  }

  private static CheckResult timeoutsFireUnderSlowDownstream(String variant) {
    Target aggregator =
        targets.start(
            "aggregator",
            variant,
            Map.of("faultline.aggregator.downstreams", downstream.baseUrl().toString()));
    long before = Checks.timeoutCounter(SPEC, aggregator.baseUrl());
    List<RequestOutcome> requests =
        HttpLoad.send(
            aggregator.baseUrl(), "GET", "/aggregate?ms=2000", 8, 4, Duration.ofSeconds(3));
    CheckResult r =
        Checks.of(SPEC)
            .evaluate(
                ObservedContext.of(aggregator.baseUrl())
                    .withRequests(requests)
                    .withCounterBefore(before));
    aggregator.close();
    return r;
  }

  @Test
  void the_aggregator_with_a_deadline_answers_on_time_and_counts_its_timeouts() {
    CheckResult r = timeoutsFireUnderSlowDownstream("deadline");

    assertThat(r.status())
        .as(r.summary() + "\n" + String.join("\n", r.evidence()))
        .isEqualTo(CheckStatus.PASSED);
    assertThat(r.evidence())
        .contains(
            "the target's timeout counter GET /aggregate/stats /timeoutsFired moved by 8 (0 → 8)");
  }

  @Test
  void the_aggregator_without_a_deadline_answers_late_and_its_counter_never_moves() {
    CheckResult r = timeoutsFireUnderSlowDownstream("no-deadline");
    Evidence.show(r);

    assertThat(r.status()).as(r.summary()).isEqualTo(CheckStatus.FAILED);
    assertThat(r.observed()).startsWith("0 on time, 8 late, 0 hung of 8");
    assertThat(r.evidence().get(0))
        .isEqualTo("8 late and 0 hung of 8 requests of step load (limit 800 ms)");
    assertThat(r.evidence().get(1))
        .matches("late: op-\\d+ ended OK \\(HTTP 200\\) after 2,\\d{3} ms");
    assertThat(r.evidence())
        .contains(
            "the target's timeout counter GET /aggregate/stats /timeoutsFired did not move during the run (0 before load, 0 after): no deadline fired");
  }
}
