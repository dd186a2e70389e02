package dev.faultline.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.experiment.CounterConsistencySpec;
import dev.faultline.experiment.HttpRequestLine;
import dev.faultline.load.RequestOutcome;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Without a reading before load the check cannot know the increase, and says why instead of
 * assuming 0.
 */
@Timeout(30)
class CounterConsistencyCheckTest {

  private static final CounterConsistencySpec SPEC =
      new CounterConsistencySpec(
          null,
          "counter",
          "increments",
          HttpRequestLine.parse("GET /counter"),
          "/value",
          HttpRequestLine.parse("GET /counter/ops"));

  /**
   * A context with outcomes and an address (nothing listens there: the check must not get as far as
   * reading).
   */
  private record NoReadingBefore(String why) implements CheckContext {
    @Override
    public URI baseUrl(String target) {
      return URI.create("http://127.0.0.1:9");
    }

    @Override
    public List<RequestOutcome> outcomes(String step) {
      return List.of();
    }

    @Override
    public Optional<String> whyNotReadBefore(String check) {
      return Optional.ofNullable(why);
    }
  }

  @Test
  void a_failed_read_before_load_is_an_error_that_gives_its_reason() {
    String why =
        "counter-consistency: GET /counter at http://127.0.0.1:18080/counter gave no JSON answer within 15 s (last: HTTP 404)";

    CheckResult r = Checks.of(SPEC).evaluate(new NoReadingBefore(why));

    assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
    assertThat(r.evidence())
        .containsExactly(
            "the counter was not read before load, so its increase is unknown: " + why);
  }

  @Test
  void a_context_that_took_no_reading_before_load_is_an_error_too() {
    CheckResult r = Checks.of(SPEC).evaluate(new NoReadingBefore(null));

    assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
    assertThat(r.evidence())
        .containsExactly(
            "the counter was not read before load, so its increase is unknown: the run took no reading before load");
  }
}
