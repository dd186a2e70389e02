package dev.faultline.check;

import dev.faultline.experiment.CheckSpecs;
import dev.faultline.profile.Figures;
import dev.faultline.profile.LockWait;
import dev.faultline.profile.TargetProfile;
import dev.faultline.profile.WindowProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Judges lock contention. With the user's {@code max-blocked}: within each window of the run, the
 * lock threads were blocked on longest in total must stay within it. Without: {@link
 * LockContentionGrowth} compares the windows under and after the faults with the load before them.
 * Pure; stateless.
 */
final class LockContentions {

  static final String MEASURED =
      "time threads spent blocked on one lock within a window (JDK Flight Recorder, waits above 10 ms)";

  private LockContentions() {}

  static CheckResult judge(CheckSpecs.LockContention spec, TargetProfile profile) {
    return spec.maxBlocked() == null
        ? LockContentionGrowth.judge(spec, profile)
        : judgeAgainstBound(spec, profile);
  }

  private static CheckResult judgeAgainstBound(
      CheckSpecs.LockContention spec, TargetProfile profile) {
    List<WindowProfile> windows =
        profile.windows().stream()
            .filter(w -> spec.during() == null || w.window().name().equals(spec.during()))
            .toList();
    String bound = "at most " + Figures.duration(spec.maxBlocked()) + " per lock and window";
    if (windows.isEmpty()) {
      return result(
          spec,
          CheckStatus.ERROR,
          bound,
          "not evaluated",
          List.of(
              spec.during() == null
                  ? "the recording of target " + spec.target() + " covers no window of the load"
                  : "fault " + spec.during() + " was never on while the load ran"));
    }
    Optional<WindowProfile> worst =
        windows.stream()
            .filter(w -> w.topLock().isPresent())
            .max(Comparator.comparing(w -> w.topLock().get().blocked()));
    if (worst.isEmpty()) {
      return result(
          spec,
          CheckStatus.PASSED,
          bound,
          "no wait for a lock above 10 ms " + windowNames(windows),
          List.of("recording: " + profile.recording().getFileName()));
    }
    LockWait top = worst.get().topLock().get();
    boolean within = top.blocked().compareTo(spec.maxBlocked()) <= 0;
    String observed =
        Figures.duration(top.blocked()) + " on " + top.lock() + " " + where(worst.get());
    return result(
        spec,
        within ? CheckStatus.PASSED : CheckStatus.FAILED,
        bound,
        observed,
        evidence(profile, windows, worst.get(), spec.maxBlocked()));
  }

  private static List<String> evidence(
      TargetProfile profile, List<WindowProfile> windows, WindowProfile worst, Duration bound) {
    List<String> lines = new ArrayList<>();
    LockWait top = worst.topLock().orElseThrow();
    lines.add(where(worst) + ": " + Figures.describe(top));
    if (!top.stack().isEmpty()) {
      lines.add("the stack that waited longest: at " + String.join(" ← ", top.stack()));
    }
    worst.sockets().stream()
        .findFirst()
        .ifPresent(s -> lines.add("meanwhile threads read longest from " + Figures.describe(s)));
    for (WindowProfile w : windows) {
      if (w != worst) {
        lines.add(
            where(w)
                + ": "
                + w.topLock().map(Figures::describe).orElse("no wait for a lock above 10 ms"));
      }
    }
    if (top.blocked().compareTo(bound) > 0) {
      lines.add(
          "the bound is "
              + Figures.duration(bound)
              + " per lock and window; a lock held across a slow call makes every request wait"
              + " behind it");
    }
    lines.add(
        "recording: " + profile.recording().getFileName() + " (open it in JDK Mission Control)");
    return lines;
  }

  private static String where(WindowProfile w) {
    String name = w.window().name();
    return name.contains(" ") ? name : "during " + name;
  }

  private static String windowNames(List<WindowProfile> windows) {
    return String.join(", ", windows.stream().map(LockContentions::where).toList());
  }

  private static CheckResult result(
      CheckSpecs.LockContention spec,
      CheckStatus status,
      String bound,
      String observed,
      List<String> evidence) {
    return new CheckResult(
        spec.name(), spec.kindName(), status, MEASURED, bound, observed, evidence);
  }
}
