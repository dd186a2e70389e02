package dev.faultline.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.InfrastructureException;
import dev.faultline.experiment.CheckSpecs;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Narrows the step's requests to the fault window, reads the timeout counter again, and judges with
 * {@link Timeouts}.
 */
record TimeoutsFireCheck(CheckSpecs.TimeoutsFire spec)
    implements SpecCheck<CheckSpecs.TimeoutsFire> {

  private static final Duration READ_BOUND = Duration.ofSeconds(15);

  @Override
  public CheckResult evaluate(CheckContext context) {
    RequestScope.Selection requests =
        RequestScope.select(context, spec.load(), spec.during(), false);
    if (requests.error() != null) {
      return error(requests.error());
    }
    Timeouts.CounterMove move = null;
    if (spec.stats() != null) {
      OptionalLong before = context.counterBefore(spec.name());
      if (before.isEmpty()) {
        return error(
            "the timeout counter "
                + spec.counter()
                + " of "
                + spec.stats()
                + " was not read before load"
                + context.whyNotReadBefore(spec.name()).map(why -> ": " + why).orElse(""));
      }
      try {
        move =
            new Timeouts.CounterMove(
                spec.stats() + " " + spec.counter(),
                before.getAsLong(),
                readCounter(context.baseUrl(spec.target())));
      } catch (TargetReader.CheckFailedToRun e) {
        return error(e.getMessage());
      }
    }
    return Timeouts.judge(
        spec.name(),
        spec.target(),
        requests.requests(),
        requests.words(),
        spec.deadline(),
        spec.tolerance(),
        move);
  }

  @Override
  public Optional<CounterBeforeLoad> counterBeforeLoad() {
    if (spec.stats() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new CounterBeforeLoad() {
          @Override
          public CounterBounds.Reading read(URI baseUrl) {
            try {
              return new CounterBounds.Reading(readCounter(baseUrl), null);
            } catch (TargetReader.CheckFailedToRun e) {
              throw new InfrastructureException(spec.name() + ": " + e.getMessage(), e);
            }
          }

          @Override
          public String readLine(CounterBounds.Reading reading) {
            return "timeout counter " + spec.counter() + " before load: " + reading.value();
          }

          @Override
          public String unreadLine(String why) {
            return "timeout counter not read before load: " + why;
          }
        });
  }

  /**
   * The timeout counter of the target now; throws {@link TargetReader.CheckFailedToRun} when it
   * cannot be read.
   */
  private long readCounter(URI base) {
    JsonNode answer = TargetReader.read(base, spec.stats(), READ_BOUND);
    JsonNode value = answer.at(spec.counter());
    if (!value.canConvertToLong()) {
      throw new TargetReader.CheckFailedToRun(
          "the answer of " + spec.stats() + " has no number at " + spec.counter() + ": " + answer);
    }
    return value.asLong();
  }

  private CheckResult error(String why) {
    return notEvaluated("how long requests of step " + spec.load() + " took to end", why);
  }
}
