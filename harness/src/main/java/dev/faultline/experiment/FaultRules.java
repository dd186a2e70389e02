package dev.faultline.experiment;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of the faults: names, a schedule inside the load, references to declared targets and
 * proxies, and each kind's own combinations ({@link KindRules}).
 */
record FaultRules(RuleBook book) {

  /** Chaos Monkey's watchers, as assault's watchers name them. */
  private static final List<String> WATCHERS =
      List.of(
          "controller",
          "rest-controller",
          "service",
          "repository",
          "component",
          "bean",
          "rest-template",
          "web-client");

  void check() {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < book.experiment.faults().size(); i++) {
      FaultSpec f = book.experiment.faults().get(i);
      String path = "faults[" + i + "]";
      book.checkName(f.name(), path + ".name");
      if (!names.add(f.name())) {
        book.error(
            path + ".name",
            "another fault is named \"" + f.name() + "\"",
            "give each fault its own name");
      }
      checkSchedule(f, path);
      String kindPath = path + "." + f.kind().kindName();
      f.kind().match(new KindRules(book, f, kindPath));
      book.targetReference(kindPath + ".target", f.kind().target());
    }
  }

  private void checkSchedule(FaultSpec f, String path) {
    if (f.at().isNegative()) {
      book.error(path + ".at", "a fault cannot start before the load", "use 0s or later");
    }
    if (f.duration() != null && (f.duration().isZero() || f.duration().isNegative())) {
      book.error(
          path + ".for",
          "the fault's duration must be above 0",
          "e.g. for: 5s, or leave it out for the rest of the load");
    }
    if (f.at().compareTo(book.experiment.loadDuration()) >= 0) {
      book.error(
          path + ".at",
          "the fault would start after the load ends ("
              + Durations.format(book.experiment.loadDuration())
              + ")",
          "start it earlier or make the load longer");
    }
  }

  /** Each kind's own rules, judged before its target reference. */
  private record KindRules(RuleBook book, FaultSpec fault, String path)
      implements Fault.Cases<Void> {

    @Override
    public Void toxic(ToxicFault toxic) {
      Set<String> proxies = book.proxyNames();
      if (!proxies.contains(toxic.proxy())) {
        book.unknownReference(path + ".proxy", "proxy", toxic.proxy(), proxies);
      }
      double toxicity = toxic.toxicity();
      if (toxicity < 0 || toxicity > 1) {
        book.error(
            path + ".toxicity",
            "toxicity is a probability and must lie between 0 and 1",
            "e.g. toxicity: 0.5");
      }
      toxic.problem().ifPresent(p -> book.error(path + "." + p.attribute(), p.message(), p.fix()));
      return null;
    }

    @Override
    public Void killProcess(TargetFaults.KillProcess kill) {
      if (kill.restartAfter() != null && kill.restartAfter().isNegative()) {
        book.error(
            path + ".restart-after", "restart-after cannot be negative", "e.g. restart-after: 3s");
      }
      return null;
    }

    @Override
    public Void pauseProcess(TargetFaults.PauseProcess pause) {
      if (fault.duration() == null) {
        book.error(
            path,
            "a paused process needs a \"for\" on its fault, or it stays paused until the load ends",
            "add e.g. \"for: 5s\" to the fault");
      }
      return null;
    }

    @Override
    public Void killWorker(TargetFaults.KillWorker kill) {
      if ((kill.rate() == null) == (kill.count() == null)) {
        book.error(path, "give exactly one of rate and count", "e.g. rate: 10% or count: 3");
      }
      return null;
    }

    @Override
    public Void assault(TargetFaults.Assault assault) {
      int kinds =
          (assault.latency() != null ? 1 : 0)
              + (assault.exception() != null ? 1 : 0)
              + (assault.killApplication() ? 1 : 0)
              + (assault.memory() ? 1 : 0)
              + (assault.cpu() ? 1 : 0);
      if (kinds != 1) {
        book.error(
            path,
            "an assault needs exactly one of latency, exception, kill-application, memory, cpu",
            "split several assaults into separate faults");
      }
      if (assault.level() < 1) {
        book.error(
            path + ".level", "level must be at least 1", "level: 1 attacks every watched call");
      }
      TargetFaults.LatencyRange latency = assault.latency();
      if (latency != null && latency.max().compareTo(latency.min()) < 0) {
        book.error(path + ".latency", "max is below min", "e.g. latency: {min: 100ms, max: 300ms}");
      }
      for (int i = 0; i < assault.watchers().size(); i++) {
        if (!WATCHERS.contains(assault.watchers().get(i))) {
          book.unknownReference(
              path + ".watchers[" + i + "]",
              "watcher",
              assault.watchers().get(i),
              new LinkedHashSet<>(WATCHERS));
        }
      }
      return null;
    }
  }
}
