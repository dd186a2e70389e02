package dev.faultline.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.experiment.CounterConsistencySpec;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the target's counter (and applied ids) after load, takes the reading the run made before
 * load from the context, and judges the increase with {@link CounterBounds}. Without a reading
 * before load it reports ERROR with the reason: it never assumes the counter started at 0.
 */
final class CounterConsistencyCheck implements Check {

  private static final Duration READ_BOUND = Duration.ofSeconds(15);

  private final CounterConsistencySpec spec;

  CounterConsistencyCheck(CounterConsistencySpec spec) {
    this.spec = spec;
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public CheckResult evaluate(CheckContext context) {
    Optional<CounterBounds.Reading> before = context.counterReadingBefore(spec.name());
    if (before.isEmpty()) {
      return error(
          "the counter was not read before load, so its increase is unknown: "
              + context
                  .whyNotReadBefore(spec.name())
                  .orElse("the run took no reading before load"));
    }
    try {
      CounterBounds.Reading after = read(spec, context.baseUrl(spec.target()));
      return CounterBounds.judge(
          spec.name(), context.allOutcomes(spec.load()), before.get(), after);
    } catch (TargetReader.CheckFailedToRun e) {
      return error("the counter was not read after load: " + e.getMessage());
    }
  }

  /**
   * The counter (and applied ids, if the spec lists them) now; throws {@link
   * TargetReader.CheckFailedToRun} when it cannot be read.
   */
  static CounterBounds.Reading read(CounterConsistencySpec spec, URI base) {
    JsonNode answer = TargetReader.read(base, spec.read(), READ_BOUND);
    JsonNode value = answer.at(spec.value());
    if (!value.canConvertToLong()) {
      throw new TargetReader.CheckFailedToRun(
          "the answer of " + spec.read() + " has no number at " + spec.value() + ": " + answer);
    }
    CounterBounds.AppliedOps ops = null;
    if (spec.ops() != null) {
      JsonNode list = TargetReader.read(base, spec.ops(), READ_BOUND);
      ops =
          new CounterBounds.AppliedOps(
              strings(list.path("applied")), strings(list.path("duplicates")));
    }
    return new CounterBounds.Reading(value.asLong(), ops);
  }

  private CheckResult error(String why) {
    return new CheckResult(
        spec.name(),
        spec.kindName(),
        CheckStatus.ERROR,
        "counter increase over the load of target " + spec.target(),
        "readable before and after load",
        "unreadable",
        List.of(why));
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new HashSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
