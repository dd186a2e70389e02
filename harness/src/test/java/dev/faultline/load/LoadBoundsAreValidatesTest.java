package dev.faultline.load;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.experiment.Limits;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: validate accepted values the load plan refused after targets had started. The plan now
 * takes every value validate lets through, up to each bound of {@link Limits}, and refuses just
 * past it, so a refusal at run time is unreachable for a validated experiment.
 */
class LoadBoundsAreValidatesTest {

  private static LoadStep open(double rate, Duration ramp, Duration duration) {
    return new LoadStep(
        "writes",
        "http://127.0.0.1:8080",
        "GET",
        "/x",
        null,
        null,
        Workload.OPEN,
        rate,
        0,
        ramp,
        duration,
        0);
  }

  private static LoadStep closed(int users) {
    return new LoadStep(
        "reads",
        "http://127.0.0.1:8080",
        "GET",
        "/x",
        null,
        null,
        Workload.CLOSED,
        0,
        users,
        Duration.ZERO,
        Duration.ofSeconds(1),
        0);
  }

  @Test
  void a_step_at_every_bound_validate_allows_is_accepted_and_one_past_it_is_refused() {
    assertThatCode(() -> open(Limits.MAX_RATE_PER_SECOND, Limits.MAX_DURATION, Limits.MAX_DURATION))
        .doesNotThrowAnyException();
    assertThatCode(() -> closed(Limits.MAX_USERS)).doesNotThrowAnyException();

    assertThatThrownBy(
            () ->
                open(Math.nextUp(Limits.MAX_RATE_PER_SECOND), Duration.ZERO, Duration.ofSeconds(1)))
        .hasMessageContaining("ratePerSecond");
    assertThatThrownBy(() -> open(1, Limits.MAX_DURATION.plusNanos(1), Duration.ofSeconds(1)))
        .hasMessageContaining("ramp");
    assertThatThrownBy(() -> open(1, Duration.ZERO, Limits.MAX_DURATION.plusNanos(1)))
        .hasMessageContaining("duration");
    assertThatThrownBy(() -> closed(Limits.MAX_USERS + 1)).hasMessageContaining("users");
  }

  @Test
  void a_plan_takes_every_request_timeout_validate_allows_and_none_outside() {
    List<LoadStep> steps = List.of(closed(1));

    assertThatCode(() -> new LoadPlan("e", steps, Limits.MIN_REQUEST_TIMEOUT, 1))
        .doesNotThrowAnyException();
    assertThatCode(() -> new LoadPlan("e", steps, Limits.MAX_REQUEST_TIMEOUT, 1))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> new LoadPlan("e", steps, Limits.MIN_REQUEST_TIMEOUT.minusNanos(1), 1))
        .hasMessageContaining("requestTimeout");
    assertThatThrownBy(() -> new LoadPlan("e", steps, Limits.MAX_REQUEST_TIMEOUT.plusNanos(1), 1))
        .hasMessageContaining("requestTimeout");
  }

  @Test
  void the_load_step_names_validate_allows_are_the_ones_the_plan_takes() {
    assertThatCode(
            () ->
                new LoadStep(
                    "a.b_c-d",
                    "http://127.0.0.1:1",
                    "GET",
                    "/",
                    null,
                    null,
                    Workload.CLOSED,
                    0,
                    1,
                    Duration.ZERO,
                    Duration.ofSeconds(1),
                    0))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                new LoadStep(
                    "a->b",
                    "http://127.0.0.1:1",
                    "GET",
                    "/",
                    null,
                    null,
                    Workload.CLOSED,
                    0,
                    1,
                    Duration.ZERO,
                    Duration.ofSeconds(1),
                    0))
        .hasMessageContaining("name must match " + Limits.LOAD_STEP_NAME.pattern());
  }
}
