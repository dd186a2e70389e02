package dev.faultline.check;

import dev.faultline.experiment.CheckSpecs;
import dev.faultline.observe.ThreadDetail;
import dev.faultline.observe.ThreadSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The judgement of a target's threads, free of I/O. A leak is thread growth that goes on with the
 * work done, not a pool that filled up and stays: threads are grouped in families (every run of
 * digits as N), and a family leaks when it keeps growing through the second half of the load — in
 * its third quarter and again by the end, after the busy threads have finished — by more than the
 * tolerance. Idle workers of a pool that existed by mid-load (fixed, cached, scheduled, ForkJoin,
 * Tomcat, JDBC pools, virtual-thread carriers) are that pool filling up, and do not count; threads
 * of pools first made in the second half count, whatever they do, because a pool per request is the
 * classic leak. JVM, JMX and Attach threads and the thread answering the harness's own thread dump
 * are never counted. Thread-safe (stateless).
 */
final class ThreadLeaks {

  private static final int SHOWN = 10;
  private static final int FRAMES = 8;

  private ThreadLeaks() {}

  /**
   * Where the work was: when half and when three quarters of the load's requests had started.
   * Slicing by work, not by clock, keeps a ramp, a warm-up or a stall from skewing the halves.
   */
  public record WorkClock(Instant half, Instant threeQuarters) {

    /** From the start times of every request; empty when there were too few to slice. */
    public static Optional<WorkClock> of(List<Long> startMillis) {
      if (startMillis.size() < 4) {
        return Optional.empty();
      }
      List<Long> sorted = startMillis.stream().sorted().toList();
      return Optional.of(
          new WorkClock(
              Instant.ofEpochMilli(sorted.get(sorted.size() / 2)),
              Instant.ofEpochMilli(sorted.get(sorted.size() * 3 / 4))));
    }
  }

  /** One family's counts: all of its threads, and those that count towards a leak. */
  private record Growth(
      String family,
      int before,
      int now,
      int byHalf,
      int byThreeQuarters,
      int counted,
      int newInstances,
      boolean leaks) {

    int grownLate() {
      return counted - byHalf;
    }

    /** How the family changed over the load, e.g. {@code pool: 4 before load, 9 now (+5)}. */
    String change() {
      return family + ": " + before + " before load, " + now + " now (+" + (now - before) + ")";
    }
  }

  /**
   * Judges the threads {@code now}, after load, against the baseline before it and the censuses
   * taken while it ran.
   *
   * @param clock where the work was; empty when the load is unknown (a game day's live check)
   * @param waited how long the check polled before this judgement, for the evidence
   */
  public static CheckResult judge(
      CheckSpecs.NoThreadLeak spec,
      ThreadSnapshot baseline,
      List<ThreadCensus> duringLoad,
      Optional<WorkClock> clock,
      ThreadSnapshot now,
      Duration waited) {
    List<Pattern> ignored = ThreadFamilies.patterns(spec.ignore());
    Predicate<String> counts = name -> !ThreadFamilies.matchesAny(ignored, name);
    ThreadCensus before = ThreadCensus.of(baseline);
    ThreadCensus after = ThreadCensus.of(now);
    List<ThreadCensus> firstHalf =
        clock
            .map(c -> duringLoad.stream().filter(s -> !s.at().isAfter(c.half())).toList())
            .orElse(List.of());
    List<ThreadCensus> thirdQuarter =
        clock
            .map(
                c ->
                    duringLoad.stream()
                        .filter(s -> s.at().isAfter(c.half()) && !s.at().isAfter(c.threeQuarters()))
                        .toList())
            .orElse(List.of());
    Set<String> known = new HashSet<>();
    before.threads().forEach(t -> known.add(ThreadFamilies.instance(t.name())));
    firstHalf.forEach(s -> s.threads().forEach(t -> known.add(ThreadFamilies.instance(t.name()))));
    Predicate<ThreadCensus.Counted> tracked =
        t ->
            counts.test(t.name())
                && !(t.idle() && known.contains(ThreadFamilies.instance(t.name())));

    List<Growth> growths =
        growths(spec.tolerance(), before, after, firstHalf, thirdQuarter, known, counts, tracked);
    List<Growth> leaking =
        growths.stream()
            .filter(Growth::leaks)
            .sorted(Comparator.comparingInt((Growth g) -> g.now() - g.before()).reversed())
            .toList();
    int idleNotCounted =
        (int)
            after.threads().stream().filter(t -> counts.test(t.name()) && !tracked.test(t)).count();
    int ignoredNow = (int) after.threads().stream().filter(t -> !counts.test(t.name())).count();

    List<String> evidence = new ArrayList<>();
    leaking.forEach(
        g ->
            evidence.add(
                clock.isPresent()
                    ? familyLine(g)
                    : g.change()
                        + ", "
                        + g.counted()
                        + " of them not idle in a pool known before load"));
    evidence.addAll(leakedStacks(leaking, now, counts, known));
    if (leaking.isEmpty()) {
      evidence.add(
          "no thread family kept growing with the work ("
              + growths.size()
              + " families, "
              + (after.threads().size() - ignoredNow)
              + " threads now)");
      growths.stream()
          .filter(g -> g.now() > g.before())
          .sorted(Comparator.comparingInt((Growth g) -> g.now() - g.before()).reversed())
          .limit(SHOWN)
          .forEach(
              g ->
                  evidence.add(
                      "grew and stayed: "
                          + g.family()
                          + " "
                          + g.before()
                          + " → "
                          + g.now()
                          + " (pool threads that filled up, or once-made threads)"));
    }
    evidence.add(excludedLine(after, idleNotCounted, ignoredNow, spec.ignore()));
    now.blindSpots().forEach(b -> evidence.add("not seen: " + b));
    if (clock.isEmpty()) {
      evidence.add(
          "the load could not be sliced (too few requests, or none): every thread not idle in a pool known before load counted");
    }

    String measured =
        "threads of target "
            + spec.target()
            + " per family (every run of digits as N): before load, "
            + duringLoad.size()
            + " censuses during load, and after it";
    String bound =
        "no family keeps growing with the work by more than "
            + spec.tolerance()
            + " thread"
            + (spec.tolerance() == 1 ? "" : "s")
            + " in the second half of the load; busy threads get "
            + spec.settle().toMillis()
            + " ms to finish";
    String observed =
        observed(leaking, clock.isPresent(), before, after, idleNotCounted, ignoredNow, waited);
    return new CheckResult(
        spec.name(),
        "no-thread-leak",
        leaking.isEmpty() ? CheckStatus.PASSED : CheckStatus.FAILED,
        measured,
        bound,
        observed,
        evidence);
  }

  private static List<Growth> growths(
      int tolerance,
      ThreadCensus before,
      ThreadCensus after,
      List<ThreadCensus> firstHalf,
      List<ThreadCensus> thirdQuarter,
      Set<String> known,
      Predicate<String> counts,
      Predicate<ThreadCensus.Counted> tracked) {
    Map<String, Integer> all0 = perFamily(before, t -> counts.test(t.name()));
    Map<String, Integer> allNow = perFamily(after, t -> counts.test(t.name()));
    Map<String, Integer> base = perFamily(before, tracked);
    Map<String, Integer> byHalf = highWater(base, firstHalf, tracked);
    Map<String, Integer> byThree = highWater(byHalf, thirdQuarter, tracked);
    Map<String, Integer> end = perFamily(after, tracked);
    Set<String> families = new TreeSet<>(allNow.keySet());
    families.addAll(end.keySet());
    List<Growth> out = new ArrayList<>();
    for (String f : families) {
      int h = byHalf.getOrDefault(f, 0);
      int q = byThree.getOrDefault(f, 0);
      int e = end.getOrDefault(f, 0);
      boolean grewLate = thirdQuarter.isEmpty() ? e - h > 1 : q > h && e > q;
      int newInstances =
          (int)
              after.threads().stream()
                  .filter(t -> ThreadFamilies.family(t.name()).equals(f))
                  .map(t -> ThreadFamilies.instance(t.name()))
                  .filter(i -> !known.contains(i))
                  .distinct()
                  .count();
      out.add(
          new Growth(
              f,
              all0.getOrDefault(f, 0),
              allNow.getOrDefault(f, 0),
              h,
              q,
              e,
              newInstances,
              e - h > tolerance && grewLate));
    }
    return out;
  }

  private static Map<String, Integer> perFamily(
      ThreadCensus census, Predicate<ThreadCensus.Counted> which) {
    Map<String, Integer> out = new TreeMap<>();
    census.threads().stream()
        .filter(which)
        .forEach(t -> out.merge(ThreadFamilies.family(t.name()), 1, Integer::sum));
    return out;
  }

  private static Map<String, Integer> highWater(
      Map<String, Integer> start,
      List<ThreadCensus> censuses,
      Predicate<ThreadCensus.Counted> which) {
    Map<String, Integer> out = new TreeMap<>(start);
    censuses.forEach(c -> perFamily(c, which).forEach((f, n) -> out.merge(f, n, Math::max)));
    return out;
  }

  private static String familyLine(Growth g) {
    return g.change()
        + "; still growing with the work: "
        + g.byHalf()
        + " by mid-load, "
        + g.byThreeQuarters()
        + " by three quarters, "
        + g.counted()
        + " after load (+"
        + g.grownLate()
        + " in the second half)"
        + (g.newInstances() > 0
            ? "; " + g.newInstances() + " pools of it first made after mid-load"
            : "");
  }

  /** Stacks of the leaking families' newest counted threads, the biggest family first. */
  private static List<String> leakedStacks(
      List<Growth> leaking, ThreadSnapshot now, Predicate<String> counts, Set<String> known) {
    List<ThreadDetail> shown = new ArrayList<>();
    int total = 0;
    for (Growth g : leaking) {
      List<ThreadDetail> members =
          now.threads().stream()
              .filter(
                  t -> counts.test(t.name()) && ThreadFamilies.family(t.name()).equals(g.family()))
              .filter(
                  t ->
                      !(ThreadFamilies.isIdleWorker(t)
                          && known.contains(ThreadFamilies.instance(t.name()))))
              .sorted(Comparator.comparingLong(ThreadDetail::id).reversed())
              .toList();
      total += members.size();
      members.stream().limit(Math.max(0, SHOWN - shown.size())).forEach(shown::add);
    }
    List<String> out = new ArrayList<>();
    shown.forEach(t -> out.add("leaked " + t.label() + " at " + t.topAndOwner(FRAMES)));
    if (total > shown.size()) {
      out.add("… " + (total - shown.size()) + " more threads of the growing families");
    }
    return out;
  }

  private static String excludedLine(
      ThreadCensus after, int idleNotCounted, int ignoredNow, List<String> ignore) {
    return "not counted now: "
        + idleNotCounted
        + " idle threads of pools seen by mid-load (a pool that filled up is no leak); excluded: "
        + after.system()
        + " JVM/JMX/Attach threads and "
        + after.ownObservation()
        + " thread"
        + (after.ownObservation() == 1 ? "" : "s")
        + " serving Faultline's own thread dump"
        + (ignoredNow > 0 ? "; ignored " + ignoredNow + " threads matching " + ignore : "");
  }

  private static String observed(
      List<Growth> leaking,
      boolean sliced,
      ThreadCensus before,
      ThreadCensus after,
      int idle,
      int ignored,
      Duration waited) {
    String counts =
        before.threads().size()
            + " threads before load, "
            + after.threads().size()
            + " now; "
            + idle
            + " idle pool threads not counted"
            + (ignored > 0 ? ", " + ignored + " ignored" : "")
            + "; after "
            + waited.toMillis()
            + " ms";
    if (leaking.isEmpty()) {
      return "no family kept growing with the work (" + counts + ")";
    }
    Growth top = leaking.get(0);
    return top.family()
        + " leaked "
        + (top.now() - top.before())
        + " threads, "
        + (sliced ? "still growing in the second half of the load" : "not idle in a pool")
        + " ("
        + top.before()
        + " before load, "
        + top.now()
        + " now"
        + (leaking.size() > 1 ? "; " + (leaking.size() - 1) + " more growing families" : "")
        + "; "
        + counts
        + ")";
  }
}
