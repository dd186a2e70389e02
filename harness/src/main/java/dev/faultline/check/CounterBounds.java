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
 * counter's increase over the load (its value after minus its value before) must lie in [ok, ok +
 * indeterminate]. The value before load is never assumed to be 0: a service may have been counting
 * long before this run. With the target's applied operation ids, the ids new since before load are
 * compared too: every acknowledged id applied, no failed id applied, none applied twice.
 */
public final class CounterBounds {

  private static final int SHOWN = 10;

  /** The applied operation ids the target reports, and those it applied more than once. */
  public record AppliedOps(Set<String> applied, Set<String> duplicates) {
    public AppliedOps {
      applied = Set.copyOf(applied);
      duplicates = Set.copyOf(duplicates);
    }
  }

  /**
   * One reading of the counter: its value and, where the target lists them, its applied ids (else
   * null).
   */
  public record Reading(long value, AppliedOps ops) {}

  private CounterBounds() {}

  /**
   * Judges the increase from {@code before} to {@code after} (and, if both list them, the new
   * applied ids) against the increments sent.
   */
  public static CheckResult judge(
      String name, List<RequestOutcome> increments, Reading before, Reading after) {
    long ok = count(increments, Outcome.OK);
    long failed = count(increments, Outcome.FAILED);
    long indeterminate = count(increments, Outcome.INDETERMINATE);
    long increase = after.value() - before.value();
    boolean withIds = before.ops() != null && after.ops() != null;
    String measured =
        "counter increase over the load against "
            + increments.size()
            + " increments ("
            + ok
            + " ok, "
            + failed
            + " failed, "
            + indeterminate
            + " indeterminate)";
    String bound =
        "increase in ["
            + ok
            + ", "
            + (ok + indeterminate)
            + "]"
            + (withIds
                ? "; ids applied during the load = ok ids + some indeterminate ids, no duplicates"
                : "");
    String values = "value " + before.value() + " before load, " + after.value() + " after";
    List<String> evidence = new ArrayList<>();
    boolean holds = true;
    if (increase < ok) {
      holds = false;
      evidence.add(
          "lost updates: "
              + (ok - increase)
              + " acknowledged increments are missing from the increase ("
              + increase
              + " < "
              + ok
              + " ok; "
              + values
              + ")");
    }
    if (increase > ok + indeterminate) {
      holds = false;
      evidence.add(
          "phantom increments: the increase exceeds ok + indeterminate by "
              + (increase - ok - indeterminate)
              + " (failed increments counted, increments counted twice, or another client incrementing; "
              + values
              + ")");
    }
    int newlyApplied = 0;
    if (withIds) {
      Set<String> fresh = new HashSet<>(after.ops().applied());
      fresh.removeAll(before.ops().applied());
      newlyApplied = fresh.size();
      boolean setsHold = IdComparison.of(increments, before.ops(), after.ops()).judge(evidence);
      if (setsHold && increase < ok) {
        evidence.add(
            "the service ran every acknowledged increment, yet its value shows fewer: updates were lost inside the read-modify-write (a race)");
      }
      holds &= setsHold;
    }
    String observed =
        "increase = "
            + increase
            + " ("
            + values
            + ")"
            + (withIds ? ", ids applied during the load = " + newlyApplied : "");
    if (holds) {
      evidence.add(
          0,
          "increase "
              + increase
              + " ("
              + values
              + ") lies in ["
              + ok
              + ", "
              + (ok + indeterminate)
              + "]"
              + (indeterminate > 0
                  ? "; "
                      + (increase - ok)
                      + " of "
                      + indeterminate
                      + " indeterminate increments were applied"
                  : ""));
    }
    return new CheckResult(
        name,
        "counter-consistency",
        holds ? CheckStatus.PASSED : CheckStatus.FAILED,
        measured,
        bound,
        observed,
        evidence);
  }

  /**
   * The sets of ids, restricted to what this load did: ids the target had applied before load are
   * left out, since a service that was already running may hold ids from an earlier run (op ids are
   * {@code <step>-<n>}, the same in every run of an experiment) and a second application of such an
   * id cannot be told from a retry.
   */
  private record IdComparison(
      Set<String> okIds,
      Set<String> failedIds,
      Set<String> sent,
      Set<String> applied,
      Set<String> duplicates,
      Set<String> appliedBefore) {

    static IdComparison of(List<RequestOutcome> increments, AppliedOps before, AppliedOps after) {
      Set<String> sentNow = new TreeSet<>();
      increments.forEach(r -> sentNow.add(r.opId()));
      Set<String> seenBefore = new TreeSet<>(sentNow);
      seenBefore.retainAll(before.applied());
      Set<String> applied = new HashSet<>(after.applied());
      applied.removeAll(before.applied());
      Set<String> duplicates = new TreeSet<>(after.duplicates());
      duplicates.removeAll(before.duplicates());
      duplicates.removeAll(seenBefore);
      return new IdComparison(
          minus(ids(increments, Outcome.OK), seenBefore),
          minus(ids(increments, Outcome.FAILED), seenBefore),
          minus(sentNow, seenBefore),
          applied,
          duplicates,
          seenBefore);
    }

    boolean judge(List<String> evidence) {
      Set<String> missing = new TreeSet<>(okIds);
      missing.removeAll(applied);
      Set<String> appliedFailed = new TreeSet<>(failedIds);
      appliedFailed.retainAll(applied);
      Set<String> unknown = new TreeSet<>(applied);
      unknown.removeAll(sent);
      boolean holds = true;
      if (!missing.isEmpty()) {
        holds = false;
        evidence.add(missing.size() + " acknowledged ids were never applied: " + sample(missing));
      }
      if (!appliedFailed.isEmpty()) {
        holds = false;
        evidence.add(
            appliedFailed.size()
                + " ids that failed were applied anyway: "
                + sample(appliedFailed));
      }
      if (!duplicates.isEmpty()) {
        holds = false;
        evidence.add(duplicates.size() + " ids were applied more than once: " + sample(duplicates));
      }
      if (!unknown.isEmpty()) {
        evidence.add(
            "note: "
                + unknown.size()
                + " applied ids were not sent by this run's load (another client?): "
                + sample(unknown));
      }
      if (!appliedBefore.isEmpty()) {
        evidence.add(
            "note: "
                + appliedBefore.size()
                + " ids this run sent had been applied before load (an earlier run against the same service?),"
                + " so the id comparison leaves them out: "
                + sample(appliedBefore));
      }
      if (holds && !okIds.isEmpty()) {
        evidence.add(
            "every one of the " + okIds.size() + " acknowledged ids was applied exactly once");
      }
      return holds;
    }
  }

  private static long count(List<RequestOutcome> outcomes, Outcome outcome) {
    return outcomes.stream().filter(r -> r.outcome() == outcome).count();
  }

  private static Set<String> ids(List<RequestOutcome> outcomes, Outcome outcome) {
    Set<String> ids = new HashSet<>();
    outcomes.stream().filter(r -> r.outcome() == outcome).forEach(r -> ids.add(r.opId()));
    return ids;
  }

  private static Set<String> minus(Set<String> from, Set<String> left) {
    Set<String> out = new TreeSet<>(from);
    out.removeAll(left);
    return out;
  }

  private static String sample(Set<String> ids) {
    List<String> shown = ids.stream().limit(SHOWN).toList();
    return String.join(", ", shown)
        + (ids.size() > SHOWN ? " … (" + (ids.size() - SHOWN) + " more)" : "");
  }
}
