package dev.faultline.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.experiment.CounterConsistencySpec;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the target's counter (and applied ids) and judges them with {@link CounterBounds}. */
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
        try {
            JsonNode answer = TargetReader.read(context.baseUrl(spec.target()), spec.read(), READ_BOUND);
            JsonNode value = answer.at(spec.value());
            if (!value.canConvertToLong()) {
                return error("the answer of " + spec.read() + " has no number at " + spec.value() + ": " + answer);
            }
            CounterBounds.AppliedOps ops = null;
            if (spec.ops() != null) {
                JsonNode list = TargetReader.read(context.baseUrl(spec.target()), spec.ops(), READ_BOUND);
                ops = new CounterBounds.AppliedOps(strings(list.path("applied")), strings(list.path("duplicates")));
            }
            return CounterBounds.judge(spec.name(), context.allOutcomes(spec.load()), value.asLong(), ops);
        } catch (TargetReader.CheckFailedToRun e) {
            return error(e.getMessage());
        }
    }

    private CheckResult error(String why) {
        return new CheckResult(spec.name(), spec.kindName(), CheckStatus.ERROR, "final counter value of target " + spec.target(),
                "readable", "unreadable", List.of(why));
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
