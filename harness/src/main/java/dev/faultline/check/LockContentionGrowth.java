package dev.faultline.check;

import dev.faultline.experiment.CheckSpecs;
import dev.faultline.profile.Figures;
import dev.faultline.profile.LockWait;
import dev.faultline.profile.ProfileReader;
import dev.faultline.profile.TargetProfile;
import dev.faultline.profile.WindowProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Judges lock contention without a bound of the user's: each window from the first fault on is
 * compared with the load before the first fault, lock by lock, by the mean time a thread waited
 * each time it found the lock taken (waits above 10 ms). A lock fails when, in one window, its mean
 * wait grew above {@value #GROWTH} times its mean wait before the first fault (at least {@link
 * #MIN_MEAN_WAIT}, which covers a lock nobody waited for before), and its threads were blocked on
 * it long enough to matter: at least {@value #SLACK_PER_SECOND} s per second of the window, and at
 * least {@link #MIN_SLACK}.
 *
 * <p>Why the mean wait, not the total: under a closed load a lock held across any call keeps every
 * other user waiting, fault or not, so its total blocked time hardly moves; what a fault changes is
 * how long each wait lasts, once the call held under the lock became slow. A lock held by design
 * for a steady time (a counter around its work) waits as long before the faults as under them and
 * passes; the few tens of milliseconds a busy machine adds to waits stay under the floor. Pure;
 * stateless.
 */
final class LockContentionGrowth {

  static final double GROWTH = 3.0;
  static final Duration MIN_MEAN_WAIT = Duration.ofMillis(100);
  static final double SLACK_PER_SECOND = 0.25;
  static final Duration MIN_SLACK = Duration.ofMillis(500);

  static final String BOUND =
      "from the first fault on, no lock's mean wait above 3× its mean wait before the first fault"
          + " (at least 100 ms) while threads were blocked on it over 0.25 s per second of a window"
          + " (at least 0.5 s)";

  static final String MEASURED =
      "each lock's mean wait and blocked time per window, against before the first fault (JDK"
          + " Flight Recorder, waits above 10 ms)";

  private LockContentionGrowth() {}

  /** One lock in one window, against what the window allows it. */
  private record Judged(
      WindowProfile window, LockWait lock, Duration before, Duration allowedMean, Duration slack) {

    Duration mean() {
      return mean(lock);
    }

    /** Above 1 when both the mean wait and the blocked time are over their bounds. */
    double score() {
      return Math.min(
          mean().toNanos() / (double) allowedMean.toNanos(),
          lock.blocked().toNanos() / (double) slack.toNanos());
    }

    static Duration mean(LockWait l) {
      return l.waits() == 0 ? Duration.ZERO : l.blocked().dividedBy(l.waits());
    }
  }

  static CheckResult judge(CheckSpecs.LockContention spec, TargetProfile profile) {
    Optional<WindowProfile> before =
        profile.windows().stream()
            .filter(w -> w.window().name().equals(ProfileReader.BEFORE_FAULTS))
            .findFirst();
    if (before.isEmpty()) {
      return error(
          spec,
          "there was no load before the first fault to compare with (the first fault came on as"
              + " the load started, or the experiment has none); fix: give the check a bound of"
              + " its own (max-blocked: 1s), or let the first fault come on a few seconds in");
    }
    List<WindowProfile> judged =
        profile.windows().stream()
            .filter(w -> w != before.get())
            .filter(w -> spec.during() == null || w.window().name().equals(spec.during()))
            .toList();
    if (judged.isEmpty()) {
      return error(spec, "fault " + spec.during() + " was never on while the load ran");
    }
    List<Judged> all = new ArrayList<>();
    for (WindowProfile w : judged) {
      for (LockWait lock : w.locks()) {
        all.add(judge(w, lock, before.get()));
      }
    }
    Optional<Judged> worst = all.stream().max(Comparator.comparingDouble(Judged::score));
    if (worst.isEmpty()) {
      return result(
          spec,
          CheckStatus.PASSED,
          "no wait for a lock above 10 ms from the first fault on",
          List.of(baseline(before.get()), recording(profile)));
    }
    Judged top = worst.get();
    return result(
        spec,
        top.score() > 1 ? CheckStatus.FAILED : CheckStatus.PASSED,
        observed(top),
        evidence(profile, before.get(), judged, top));
  }

  private static Judged judge(WindowProfile w, LockWait lock, WindowProfile before) {
    Duration beforeMean =
        before.locks().stream()
            .filter(l -> l.lock().equals(lock.lock()) && l.kind().equals(lock.kind()))
            .findFirst()
            .map(Judged::mean)
            .orElse(Duration.ZERO);
    Duration grown = Duration.ofNanos((long) (beforeMean.toNanos() * GROWTH));
    Duration allowedMean = grown.compareTo(MIN_MEAN_WAIT) > 0 ? grown : MIN_MEAN_WAIT;
    Duration perSecond = Duration.ofNanos((long) (SLACK_PER_SECOND * seconds(w) * 1e9));
    Duration slack = perSecond.compareTo(MIN_SLACK) > 0 ? perSecond : MIN_SLACK;
    return new Judged(w, lock, beforeMean, allowedMean, slack);
  }

  private static String observed(Judged j) {
    return "mean wait "
        + Figures.duration(j.mean())
        + " on "
        + j.lock().lock()
        + " "
        + where(j.window())
        + " ("
        + j.lock().waits()
        + (j.lock().waits() == 1 ? " wait, " : " waits, ")
        + Figures.duration(j.lock().blocked())
        + " blocked in total), against "
        + (j.before().isZero() ? "no wait" : Figures.duration(j.before()))
        + " before the first fault; allowed "
        + Figures.duration(j.allowedMean());
  }

  private static List<String> evidence(
      TargetProfile profile, WindowProfile before, List<WindowProfile> judged, Judged top) {
    List<String> lines = new ArrayList<>();
    lines.add(where(top.window()) + ": " + Figures.describe(top.lock()));
    if (!top.lock().stack().isEmpty()) {
      lines.add("the stack that waited longest: at " + String.join(" ← ", top.lock().stack()));
    }
    top.window().sockets().stream()
        .findFirst()
        .ifPresent(s -> lines.add("meanwhile threads read longest from " + Figures.describe(s)));
    lines.add(baseline(before));
    for (WindowProfile w : judged) {
      if (w != top.window()) {
        lines.add(
            where(w)
                + ": "
                + w.topLock().map(Figures::describe).orElse("no wait for a lock above 10 ms"));
      }
    }
    if (top.score() > 1) {
      lines.add(
          "each wait for this lock grew under the faults: a lock held across a call that became"
              + " slow makes every request wait behind it");
    }
    lines.add(recording(profile));
    return lines;
  }

  private static String baseline(WindowProfile before) {
    return "before the first fault ("
        + Figures.duration(Duration.between(before.window().from(), before.window().to()))
        + "): "
        + before.topLock().map(Figures::describe).orElse("no wait for a lock above 10 ms");
  }

  private static String recording(TargetProfile profile) {
    return "recording: " + profile.recording().getFileName() + " (open it in JDK Mission Control)";
  }

  private static double seconds(WindowProfile w) {
    return Math.max(Duration.between(w.window().from(), w.window().to()).toNanos() / 1e9, 1e-3);
  }

  private static String where(WindowProfile w) {
    String name = w.window().name();
    return name.contains(" ") ? name : "during " + name;
  }

  private static CheckResult error(CheckSpecs.LockContention spec, String why) {
    return result(spec, CheckStatus.ERROR, "not evaluated", List.of(why));
  }

  private static CheckResult result(
      CheckSpecs.LockContention spec, CheckStatus status, String observed, List<String> evidence) {
    return new CheckResult(
        spec.name(), spec.kindName(), status, MEASURED, BOUND, observed, evidence);
  }
}
