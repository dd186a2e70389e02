package dev.faultline.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.InfrastructureException;
import dev.faultline.experiment.CounterConsistencySpec;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the target's counter (and applied ids) after load, takes the reading the run made before
 * load from the context, and judges the increase with {@link CounterBounds}. Without a reading
 * before load it reports ERROR with the reason: it never assumes the counter started at 0.
 */
record CounterConsistencyCheck(CounterConsistencySpec spec)
    implements SpecCheck<CounterConsistencySpec> {

  private static final Duration READ_BOUND = Duration.ofSeconds(15);

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
      CounterBounds.Reading after = read(context.baseUrl(spec.target()));
      return CounterBounds.judge(
          spec.name(), context.allOutcomes(spec.load()), before.get(), after);
    } catch (TargetReader.CheckFailedToRun e) {
      return error("the counter was not read after load: " + e.getMessage());
    }
  }

  @Override
  public Optional<CounterBeforeLoad> counterBeforeLoad() {
    return Optional.of(
        new CounterBeforeLoad() {
          @Override
          public CounterBounds.Reading read(URI baseUrl) {
            try {
              return CounterConsistencyCheck.this.read(baseUrl);
            } catch (TargetReader.CheckFailedToRun e) {
              throw new InfrastructureException(spec.name() + ": " + e.getMessage(), e);
            }
          }

          @Override
          public String readLine(CounterBounds.Reading r) {
            return "counter "
                + spec.read()
                + " "
                + spec.value()
                + " before load: "
                + r.value()
                + (r.ops() == null ? "" : ", " + r.ops().applied().size() + " applied ids");
          }

          @Override
          public String unreadLine(String why) {
            return "counter not read before load: " + why;
          }

          @Override
          public Optional<String> unreadWarning(String why) {
            return Optional.of(
                "check "
                    + spec.name()
                    + " cannot judge the counter: it was not read before load: "
                    + why);
          }
        });
  }

  /**
   * The counter (and applied ids, if the spec lists them) now; throws {@link
   * TargetReader.CheckFailedToRun} when it cannot be read.
   */
  private CounterBounds.Reading read(URI base) {
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
    return error(
        "counter increase over the load of target " + spec.target(),
        "readable before and after load",
        "unreadable",
        why);
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new HashSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
