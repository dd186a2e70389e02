package dev.faultline.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.experiment.Percent;
import dev.faultline.experiment.StopCondition;
import dev.faultline.experiment.StopConditions;
import dev.faultline.launch.Target;
import dev.faultline.load.LoadProgress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** When load must stop: the budget, a dead target, the error rate of the measured load. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StopGuardTest {

  private static final Instant FAR = Instant.now().plus(Duration.ofHours(1));
  private static final List<StopCondition> ABOVE_10_PERCENT =
      List.of(new StopConditions.ErrorRateAbove(Percent.parse("10%")));

  private static LoadProgress progress(long requests, long failed, long indeterminate) {
    return new LoadProgress(
        requests, requests - failed - indeterminate, failed, indeterminate, 0, Duration.ZERO);
  }

  private static StopGuard guard(List<StopCondition> conditions, Map<String, Target> targets) {
    return new StopGuard(conditions, targets, FAR, Duration.ofHours(1));
  }

  @Test
  void a_spent_budget_stops_the_run_even_while_the_service_warms_up() {
    StopGuard guard =
        new StopGuard(List.of(), Map.of(), Instant.now().minusMillis(1), Duration.ofMinutes(3));

    assertThat(guard.check(progress(0, 0, 0), true))
        .contains("the wall-clock budget of 3m ran out");
  }

  @Test
  void an_error_rate_above_the_threshold_stops_the_run_and_says_by_how_much() {
    StopGuard guard = guard(ABOVE_10_PERCENT, Map.of());

    assertThat(guard.check(progress(0, 0, 0), false)).isEmpty();
    assertThat(guard.check(progress(100, 5, 15), false))
        .as("indeterminate requests count as errors")
        .contains(
            "the error rate over the last 5 s was 20%, above 10% (stop-when: error-rate-above)");
  }

  @Test
  void an_error_rate_at_the_threshold_or_over_fewer_than_20_requests_does_not_stop_it() {
    StopGuard atThreshold = guard(ABOVE_10_PERCENT, Map.of());
    atThreshold.check(progress(0, 0, 0), false);
    StopGuard fewRequests = guard(ABOVE_10_PERCENT, Map.of());
    fewRequests.check(progress(0, 0, 0), false);

    assertThat(atThreshold.check(progress(100, 10, 0), false)).isEmpty();
    assertThat(fewRequests.check(progress(19, 19, 0), false)).isEmpty();
  }

  @Test
  void errors_while_warming_up_do_not_count_towards_the_measured_error_rate() {
    StopGuard guard = guard(ABOVE_10_PERCENT, Map.of());

    assertThat(guard.check(progress(100, 50, 0), true)).as("warming up").isEmpty();
    assertThat(guard.check(progress(200, 60, 0), false))
        .as("10 errors in the 100 requests since warm-up")
        .isEmpty();
    assertThat(guard.check(progress(300, 90, 0), false))
        .contains(
            "the error rate over the last 5 s was 20%, above 10% (stop-when: error-rate-above)");
  }

  @Test
  void a_target_that_died_stops_the_run_and_one_that_runs_does_not() throws Exception {
    Process counter = new ProcessBuilder("sleep", "60").start();
    try {
      StopGuard guard =
          guard(
              List.of(
                  new StopConditions.TargetDied("counter"),
                  new StopConditions.TargetDied("not-started")),
              Map.of("counter", new ProcessOnly("counter", counter)));

      assertThat(guard.check(progress(0, 0, 0), true)).isEmpty();
      counter.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

      assertThat(guard.check(progress(0, 0, 0), true))
          .contains("target counter died (stop-when: target-died)");
    } finally {
      counter.destroyForcibly();
    }
  }

  /** A target that is a real process and nothing else: alive while the process is. */
  private record ProcessOnly(String name, Process child) implements Target {
    @Override
    public URI baseUrl() {
      return URI.create("http://127.0.0.1:1");
    }

    @Override
    public Optional<ProcessHandle> process() {
      return Optional.of(child.toHandle());
    }

    @Override
    public Optional<Path> log() {
      return Optional.empty();
    }

    @Override
    public boolean isAlive() {
      return child.isAlive();
    }

    @Override
    public void close() {
      child.destroyForcibly();
    }
  }
}
