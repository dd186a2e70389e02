package dev.faultline.check;

import dev.faultline.load.Outcome;
import dev.faultline.load.RequestOutcome;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Jepsen-style judgement of a counter, free of I/O so it can be tested on hand-built outcome
 * lists: every increment is ok (acknowledged), failed (known not applied) or indeterminate; the
 * final value must lie in [ok, ok + indeterminate]. With the target's applied operation ids, sets
 * are compared too: every acknowledged id applied, no failed id applied, none applied twice.
 */
public final class CounterBounds {

    private static final int SHOWN = 10;

    /** The applied operation ids the target reports, and those it applied more than once. */
    public record AppliedOps(Set<String> applied, Set<String> duplicates) {}

    private CounterBounds() {}

    /** Judges {@code value} (and, if given, the applied ids) against the increments sent. */
    public static CheckResult judge(String name, List<RequestOutcome> increments, long value, AppliedOps ops) {
        long ok = count(increments, Outcome.OK);
        long failed = count(increments, Outcome.FAILED);
        long indeterminate = count(increments, Outcome.INDETERMINATE);
        String measured = "final counter value against " + increments.size() + " increments (" + ok + " ok, " + failed + " failed, " + indeterminate + " indeterminate)";
        String bound = "value in [" + ok + ", " + (ok + indeterminate) + "]" + (ops != null ? "; applied ids = ok ids + some indeterminate ids, no duplicates" : "");
        List<String> evidence = new ArrayList<>();
        boolean holds = true;
        if (value < ok) {
            holds = false;
            evidence.add("lost updates: " + (ok - value) + " acknowledged increments are missing from the value (" + value + " < " + ok + " ok)");
        }
        if (value > ok + indeterminate) {
            holds = false;
            evidence.add("phantom increments: the value exceeds ok + indeterminate by " + (value - ok - indeterminate)
                    + " (failed increments counted, or increments counted twice)");
        }
        if (ops != null) {
            boolean setsHold = compareSets(increments, ops, evidence);
            if (setsHold && value < ok) {
                evidence.add("the service ran every acknowledged increment, yet its value shows fewer: updates were lost inside the read-modify-write (a race)");
            }
            holds &= setsHold;
        }
        String observed = "value = " + value + (ops != null ? ", applied ids = " + ops.applied().size() : "");
        if (holds) {
            evidence.add(0, "value " + value + " lies in [" + ok + ", " + (ok + indeterminate) + "]"
                    + (indeterminate > 0 ? "; " + (value - ok) + " of " + indeterminate + " indeterminate increments were applied" : ""));
        }
        return new CheckResult(name, "counter-consistency", holds ? CheckStatus.PASSED : CheckStatus.FAILED, measured, bound, observed, evidence);
    }

    private static boolean compareSets(List<RequestOutcome> increments, AppliedOps ops, List<String> evidence) {
        Set<String> okIds = ids(increments, Outcome.OK);
        Set<String> failedIds = ids(increments, Outcome.FAILED);
        Set<String> sent = new HashSet<>();
        increments.forEach(r -> sent.add(r.opId()));
        Set<String> missing = new TreeSet<>(okIds);
        missing.removeAll(ops.applied());
        Set<String> appliedFailed = new TreeSet<>(failedIds);
        appliedFailed.retainAll(ops.applied());
        Set<String> unknown = new TreeSet<>(ops.applied());
        unknown.removeAll(sent);
        boolean holds = true;
        if (!missing.isEmpty()) {
            holds = false;
            evidence.add(missing.size() + " acknowledged ids were never applied: " + sample(missing));
        }
        if (!appliedFailed.isEmpty()) {
            holds = false;
            evidence.add(appliedFailed.size() + " ids that failed were applied anyway: " + sample(appliedFailed));
        }
        if (!ops.duplicates().isEmpty()) {
            holds = false;
            evidence.add(ops.duplicates().size() + " ids were applied more than once: " + sample(new TreeSet<>(ops.duplicates())));
        }
        if (!unknown.isEmpty()) {
            evidence.add("note: " + unknown.size() + " applied ids were not sent by this run's load (another client?): " + sample(unknown));
        }
        if (holds && ops.applied().size() >= okIds.size()) {
            evidence.add("every one of the " + okIds.size() + " acknowledged ids was applied exactly once");
        }
        return holds;
    }

    private static long count(List<RequestOutcome> outcomes, Outcome outcome) {
        return outcomes.stream().filter(r -> r.outcome() == outcome).count();
    }

    private static Set<String> ids(List<RequestOutcome> outcomes, Outcome outcome) {
        Set<String> ids = new HashSet<>();
        outcomes.stream().filter(r -> r.outcome() == outcome).forEach(r -> ids.add(r.opId()));
        return ids;
    }

    private static String sample(Set<String> ids) {
        List<String> shown = ids.stream().limit(SHOWN).toList();
        return String.join(", ", shown) + (ids.size() > SHOWN ? " … (" + (ids.size() - SHOWN) + " more)" : "");
    }
}
