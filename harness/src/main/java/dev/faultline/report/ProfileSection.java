package dev.faultline.report;

import dev.faultline.profile.Figures;
import dev.faultline.profile.FlameGraphSvg;
import dev.faultline.profile.FlameTree;
import dev.faultline.profile.FrameGrowth;
import dev.faultline.profile.LockWait;
import dev.faultline.profile.TargetProfile;
import dev.faultline.profile.WeightUnit;
import dev.faultline.profile.WindowProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report's profile of each recorded target: per window, the most contended lock and the stack
 * that waited on it, where the threads spent their time, the slowest remote address, GC pauses and
 * thread families; and flame graphs of CPU samples and of waiting time, the fault windows coloured
 * against the window before the first fault (what grew under the fault). Stateless.
 */
final class ProfileSection {

  private static final int GREW = 5;

  /** One target's profile. */
  record ProfileView(String target, String recording, List<WindowView> windows) {}

  /** One window of a profile; the SVGs are trusted markup the page inlines. */
  record WindowView(
      String name,
      String span,
      String topLock,
      String topStack,
      boolean hasStack,
      String states,
      String socket,
      String gc,
      String threads,
      String cpuSvg,
      String waitingSvg,
      List<String> grew,
      boolean hasGrew) {}

  private ProfileSection() {}

  static List<ProfileView> of(RunRecord run) {
    return run.profiles().stream().map(p -> view(run, p)).toList();
  }

  private static ProfileView view(RunRecord run, TargetProfile p) {
    Optional<WindowProfile> steady = p.windows().stream().findFirst();
    List<WindowView> windows = new ArrayList<>();
    for (WindowProfile w : p.windows()) {
      boolean compared = steady.isPresent() && steady.get() != w;
      windows.add(window(run, p.target(), w, compared ? steady.get() : null));
    }
    return new ProfileView(p.target(), p.recording().getFileName().toString(), windows);
  }

  private static WindowView window(
      RunRecord run, String target, WindowProfile w, WindowProfile base) {
    Optional<LockWait> top = w.topLock();
    FlameTree cpu = tree(w.cpu(), WeightUnit.samples());
    FlameTree waiting = tree(w.waiting(), WeightUnit.nanoseconds("blocked or reading"));
    String title = target + " · " + w.window().name();
    List<String> grew = new ArrayList<>();
    String cpuSvg;
    String waitingSvg;
    if (base == null) {
      cpuSvg = FlameGraphSvg.render(cpu, "CPU samples · " + title);
      waitingSvg = FlameGraphSvg.render(waiting, "Waiting · " + title);
    } else {
      FlameTree baseWaiting = tree(base.waiting(), WeightUnit.nanoseconds("blocked or reading"));
      cpuSvg =
          FlameGraphSvg.render(
              cpu, tree(base.cpu(), WeightUnit.samples()), "CPU samples · " + title);
      waitingSvg = FlameGraphSvg.render(waiting, baseWaiting, "Waiting · " + title);
      waiting.grewMost(baseWaiting, GREW).stream().map(FrameGrowth::label).forEach(grew::add);
    }
    return new WindowView(
        w.window().name(),
        Formats.offset(run.loadStarted(), w.window().from())
            + " – "
            + Formats.offset(run.loadStarted(), w.window().to()),
        top.map(Figures::describe).orElse("no wait for a lock above 10 ms"),
        top.map(l -> "at " + String.join("\nat ", l.stack())).orElse(""),
        top.isPresent() && !top.get().stack().isEmpty(),
        states(w),
        w.sockets().stream()
            .findFirst()
            .map(Figures::describe)
            .orElse("no socket read above 10 ms"),
        w.gc().count()
            + " collections, "
            + Figures.duration(w.gc().total())
            + " paused, longest "
            + Figures.duration(w.gc().longest())
            + (w.pinned().count() > 0 ? "; " + w.pinned().count() + " pinned virtual threads" : ""),
        families(w),
        cpuSvg,
        waitingSvg,
        grew,
        !grew.isEmpty());
  }

  private static FlameTree tree(Map<List<String>, Long> stacks, WeightUnit unit) {
    FlameTree t = new FlameTree(unit);
    stacks.forEach(t::add);
    return t;
  }

  private static String states(WindowProfile w) {
    List<String> parts = new ArrayList<>();
    w.timeByState().entrySet().stream()
        .filter(e -> !e.getValue().isZero())
        .sorted(Map.Entry.<String, Duration>comparingByValue().reversed())
        .forEach(e -> parts.add(e.getKey() + " " + Figures.duration(e.getValue())));
    return parts.isEmpty() ? "nothing recorded" : String.join(" · ", parts);
  }

  private static String families(WindowProfile w) {
    List<String> parts = new ArrayList<>();
    w.families().stream()
        .sorted((a, b) -> Integer.compare(b.started() + b.ended(), a.started() + a.ended()))
        .limit(4)
        .forEach(f -> parts.add(f.family() + " +" + f.started() + " −" + f.ended()));
    return parts.isEmpty() ? "no thread started or ended" : String.join(" · ", parts);
  }
}
