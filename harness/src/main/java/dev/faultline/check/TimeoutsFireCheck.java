package dev.faultline.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.experiment.CheckSpecs;
import dev.faultline.load.RequestOutcome;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Narrows the step's requests to the fault window, reads the timeout counter again, and judges with
 * {@link Timeouts}.
 */
final class TimeoutsFireCheck implements Check {

  private static final Duration READ_BOUND = Duration.ofSeconds(15);

  private final CheckSpecs.TimeoutsFire spec;

  TimeoutsFireCheck(CheckSpecs.TimeoutsFire spec) {
    this.spec = spec;
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public CheckResult evaluate(CheckContext context) {
    List<RequestOutcome> requests = context.outcomes(spec.load());
    String scope = "requests of step " + spec.load();
    if (spec.during() != null) {
      Optional<CheckContext.Window> w = context.faultWindow(spec.during());
      if (w.isEmpty()) {
        return error(
            "fault " + spec.during() + " was never switched on, so no request ran under it");
      }
      long on = w.get().on().toEpochMilli();
      long off = w.get().off() == null ? Long.MAX_VALUE : w.get().off().toEpochMilli();
      requests =
          requests.stream().filter(r -> r.startMillis() >= on && r.startMillis() < off).toList();
      scope += " that started while " + spec.during() + " was on";
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
                readCounter(spec, context.baseUrl(spec.target())));
      } catch (TargetReader.CheckFailedToRun e) {
        return error(e.getMessage());
      }
    }
    return Timeouts.judge(
        spec.name(), spec.target(), requests, scope, spec.deadline(), spec.tolerance(), move);
  }

  /**
   * The timeout counter of the target now; throws {@link TargetReader.CheckFailedToRun} when it
   * cannot be read.
   */
  static long readCounter(CheckSpecs.TimeoutsFire spec, URI base) {
    JsonNode answer = TargetReader.read(base, spec.stats(), READ_BOUND);
    JsonNode value = answer.at(spec.counter());
    if (!value.canConvertToLong()) {
      throw new TargetReader.CheckFailedToRun(
          "the answer of " + spec.stats() + " has no number at " + spec.counter() + ": " + answer);
    }
    return value.asLong();
  }

  private CheckResult error(String why) {
    return new CheckResult(
        spec.name(),
        spec.kindName(),
        CheckStatus.ERROR,
        "how long requests of step " + spec.load() + " took to end",
        "evaluable",
        "not evaluated",
        List.of(why));
  }
}
