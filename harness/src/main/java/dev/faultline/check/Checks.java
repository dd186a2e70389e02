package dev.faultline.check;

import dev.faultline.experiment.CheckSpec;
import dev.faultline.experiment.CounterConsistencySpec;

/** Builds the check a spec declares. */
public final class Checks {

    private Checks() {}

    public static Check of(CheckSpec spec) {
        if (spec instanceof CounterConsistencySpec c) {
            return new CounterConsistencyCheck(c);
        }
        throw new IllegalArgumentException("no check implements " + spec.kindName());
    }
}
