package dev.faultline.experiment;

import dev.faultline.experiment.internal.Names;
import dev.faultline.experiment.internal.YamlBinder;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules that span fields: references between names, and combinations that make no sense. */
final class ExperimentRules {

  private final Experiment e;
  private final YamlBinder at;

  ExperimentRules(Experiment experiment, YamlBinder binder) {
    this.e = experiment;
    this.at = binder;
  }

  void check() {
    if (!e.name().matches("[a-z0-9][a-z0-9-]{0,79}")) {
      at.error(
          "name",
          "\"" + e.name() + "\" is not a valid name",
          "use lowercase letters, digits and dashes, e.g. counter-locked");
    }
    checkTargets();
    checkProxies();
    checkLoad();
    checkFaults();
    checkChecks();
    checkStopConditions();
    new WiringRules(e, at).check();
    Duration wholeLoad = e.warmUp().plus(e.loadDuration());
    if (e.budget().compareTo(wholeLoad) <= 0) {
      at.error(
          "budget",
          "the budget "
              + Durations.format(e.budget())
              + " is not longer than the load ("
              + Durations.format(wholeLoad)
              + ")",
          "raise budget above the load's warm-up + ramp + duration, e.g. "
              + Durations.format(wholeLoad.plusMinutes(1)));
    }
  }

  private void checkTargets() {
    if (e.targets().isEmpty()) {
      at.error(
          "targets",
          "no target is declared",
          "add a target, e.g. \"counter: {builtin: counter, variant: locked}\"");
    }
    for (Map.Entry<String, TargetSpec> entry : e.targets().entrySet()) {
      String path = "targets." + entry.getKey();
      TargetSpec t = entry.getValue();
      checkName(entry.getKey(), path);
      int sources =
          (t.builtin() != null ? 1 : 0)
              + (t.command().isEmpty() ? 0 : 1)
              + (t.jar() != null ? 1 : 0)
              + (t.url() != null ? 1 : 0);
      if (t.launch() == Launch.CONTAINER && t.image() != null && t.builtin() == null) {
        // A user's image is what runs; a command, if any, is the container's command.
        sources = 1 + (t.jar() != null ? 1 : 0) + (t.url() != null ? 1 : 0);
      }
      if (t.image() != null && t.launch() != Launch.CONTAINER) {
        at.error(
            path + ".image",
            "image applies to launch: container only",
            "add \"launch: container\", or remove image");
      }
      if (sources != 1) {
        at.error(
            path,
            sources == 0
                ? "the target says nothing about what to run"
                : "the target gives more than one of builtin, command, jar, url",
            "give exactly one of builtin, command, jar or url");
      }
      if (t.builtin() != null) {
        List<String> variants = BuiltinTargets.variants(t.builtin());
        if (variants.isEmpty()) {
          String guess = Names.closest(t.builtin(), BuiltinTargets.names());
          at.error(
              path + ".builtin",
              "no built-in target is called \"" + t.builtin() + "\"",
              (guess != null ? "did you mean " + guess + "? " : "")
                  + "built-ins: "
                  + String.join(", ", BuiltinTargets.names()));
        } else if (t.variant() != null && !variants.contains(t.variant())) {
          String guess = Names.closest(t.variant(), variants);
          at.error(
              path + ".variant",
              "\"" + t.builtin() + "\" has no variant \"" + t.variant() + "\"",
              (guess != null ? "did you mean " + guess + "? " : "")
                  + "variants: "
                  + String.join(", ", variants));
        }
      } else if (t.variant() != null) {
        at.error(
            path + ".variant",
            "variant applies to built-in targets only",
            "remove variant, or pass your own setting through properties");
      }
      String urlProblem =
          t.url() == null || t.url().contains("${") ? null : Limits.loopbackUrlProblem(t.url());
      if (urlProblem != null) {
        at.error(
            path + ".url", urlProblem, "use http://127.0.0.1:<port> or http://localhost:<port>");
      }
      if (t.launch() == Launch.CONTAINER && t.image() == null && t.builtin() == null) {
        at.error(
            path + ".image",
            "a container target needs an image",
            "add \"image: <name:tag>\" or use a builtin target");
      }
      for (int i = 0; i < t.calls().size(); i++) {
        if (!e.targets().containsKey(t.calls().get(i))) {
          unknownReference(
              path + ".calls[" + i + "]", "target", t.calls().get(i), e.targets().keySet());
        }
      }
      if (!t.health().startsWith("/")) {
        at.error(path + ".health", "the health path must start with /", "e.g. /actuator/health");
      }
    }
  }

  private void checkProxies() {
    for (Map.Entry<String, ProxySpec> p : e.proxies().entrySet()) {
      String path = "proxies." + p.getKey();
      checkName(p.getKey(), path);
      if (e.targets().containsKey(p.getKey())) {
        at.error(
            path,
            "a target is also named \"" + p.getKey() + "\"",
            "give the proxy its own name, e.g. " + p.getKey() + "-proxy");
      }
      if (!e.targets().containsKey(p.getValue().upstream())) {
        unknownReference(
            path + ".upstream", "target", p.getValue().upstream(), e.targets().keySet());
      }
      String listenProblem = Limits.listenProblem(p.getValue().listen());
      if (listenProblem != null) {
        at.error(
            path + ".listen", listenProblem, "use 127.0.0.1:0 (a free port) or 127.0.0.1:<port>");
      }
    }
    checkToxiproxy();
  }

  /**
   * An external Toxiproxy is on this machine too: load goes through its proxies, and load goes to
   * loopback only.
   */
  private void checkToxiproxy() {
    if (e.toxiproxy() == null) {
      return;
    }
    String urlProblem = Limits.loopbackUrlProblem(e.toxiproxy().url());
    if (urlProblem != null) {
      at.error(
          "toxiproxy.url",
          urlProblem,
          "run Toxiproxy on this machine and use http://127.0.0.1:8474 (for one on another host, forward its port: ssh -L 8474:127.0.0.1:8474 <host>)");
    }
    if (!Limits.isLoopbackHost(e.toxiproxy().listenHost())) {
      at.error(
          "toxiproxy.listen-host",
          "\""
              + e.toxiproxy().listenHost()
              + "\" is not a loopback address; load goes through the proxies, and Faultline sends load only to this machine",
          "use 127.0.0.1");
    }
  }

  private void checkLoad() {
    if (e.load().isEmpty()) {
      at.error(
          "load",
          "no load step is declared",
          "add a step, e.g. \"- {target: counter, request: POST /counter/increment, rate: 100/s, duration: 10s}\"");
    }
    Set<String> names = new HashSet<>();
    Set<String> destinations = destinations();
    for (int i = 0; i < e.load().size(); i++) {
      LoadSpec l = e.load().get(i);
      String path = "load[" + i + "]";
      if (!names.add(l.name())) {
        at.error(
            path + ".name",
            "another load step is named \"" + l.name() + "\"",
            "give each step its own name");
      }
      if (!destinations.contains(l.target())) {
        unknownReference(path + ".target", "target or proxy", l.target(), destinations);
      }
      if (l.workload() == Workload.OPEN) {
        if (l.rate() == null) {
          at.error(
              path,
              "an open workload needs a rate",
              "add \"rate: 100/s\", or set \"workload: closed\" with users");
        }
        if (l.users() != null) {
          at.error(
              path + ".users",
              "users applies to a closed workload",
              "remove users, or set \"workload: closed\"");
        }
      } else {
        if (l.users() == null || l.users() < 1) {
          at.error(
              path + (l.users() == null ? "" : ".users"),
              "a closed workload needs at least one user",
              "add \"users: 8\"");
        }
        if (l.rate() != null) {
          at.error(
              path + ".rate",
              "rate applies to an open workload",
              "remove rate, or set \"workload: open\"");
        }
      }
      if (!Limits.LOAD_STEP_NAME.matcher(l.name()).matches()) {
        at.error(
            path + ".name",
            "\"" + l.name() + "\" is not a valid load step name (it prefixes operation ids)",
            "use letters, digits, '_' and '.', with single dashes inside, e.g. increments"
                + (l.name().contains("->")
                    ? "; a load aimed at a call link needs its own name"
                    : ""));
      }
      if (l.users() != null && l.users() > Limits.MAX_USERS) {
        at.error(
            path + ".users",
            "at most " + Limits.MAX_USERS + " users per load step, got " + l.users(),
            "lower users, or split the load over several steps");
      }
      if (l.duration().isZero() || l.duration().isNegative()) {
        at.error(path + ".duration", "the duration must be above 0", "e.g. duration: 10s");
      }
      if (l.maxRequests() < 0) {
        at.error(
            path + ".max-requests", "max-requests cannot be negative", "use 0 for no extra bound");
      }
    }
  }

  private void checkFaults() {
    Set<String> names = new HashSet<>();
    Set<String> proxies = proxyNames();
    for (int i = 0; i < e.faults().size(); i++) {
      FaultSpec f = e.faults().get(i);
      String path = "faults[" + i + "]";
      checkName(f.name(), path + ".name");
      if (!names.add(f.name())) {
        at.error(
            path + ".name",
            "another fault is named \"" + f.name() + "\"",
            "give each fault its own name");
      }
      if (f.at().isNegative()) {
        at.error(path + ".at", "a fault cannot start before the load", "use 0s or later");
      }
      if (f.duration() != null && (f.duration().isZero() || f.duration().isNegative())) {
        at.error(
            path + ".for",
            "the fault's duration must be above 0",
            "e.g. for: 5s, or leave it out for the rest of the load");
      }
      if (f.at().compareTo(e.loadDuration()) >= 0) {
        at.error(
            path + ".at",
            "the fault would start after the load ends ("
                + Durations.format(e.loadDuration())
                + ")",
            "start it earlier or make the load longer");
      }
      checkProcessFault(f, path + "." + f.kind().kindName());
      if (f.kind() instanceof ToxicFault t) {
        String kindPath = path + "." + f.kind().kindName();
        if (!proxies.contains(t.proxy())) {
          unknownReference(kindPath + ".proxy", "proxy", t.proxy(), proxies);
        }
        checkToxic(t, kindPath);
      }
    }
  }

  private void checkProcessFault(FaultSpec f, String path) {
    String target = null;
    if (f.kind() instanceof ProcessFaults.KillProcess k) {
      target = k.target();
      if (k.restartAfter() != null && k.restartAfter().isNegative()) {
        at.error(
            path + ".restart-after", "restart-after cannot be negative", "e.g. restart-after: 3s");
      }
    } else if (f.kind() instanceof ProcessFaults.PauseProcess p) {
      target = p.target();
      if (f.duration() == null) {
        at.error(
            path,
            "a paused process needs a \"for\" on its fault, or it stays paused until the load ends",
            "add e.g. \"for: 5s\" to the fault");
      }
    } else if (f.kind() instanceof ProcessFaults.KillWorker w) {
      target = w.target();
      if ((w.rate() == null) == (w.count() == null)) {
        at.error(path, "give exactly one of rate and count", "e.g. rate: 10% or count: 3");
      }
    } else if (f.kind() instanceof ProcessFaults.Assault a) {
      target = a.target();
      int kinds =
          (a.latency() != null ? 1 : 0)
              + (a.exception() != null ? 1 : 0)
              + (a.killApplication() ? 1 : 0)
              + (a.memory() ? 1 : 0)
              + (a.cpu() ? 1 : 0);
      if (kinds != 1) {
        at.error(
            path,
            "an assault needs exactly one of latency, exception, kill-application, memory, cpu",
            "split several assaults into separate faults");
      }
      if (a.level() < 1) {
        at.error(
            path + ".level", "level must be at least 1", "level: 1 attacks every watched call");
      }
      if (a.latency() != null && a.latency().max().compareTo(a.latency().min()) < 0) {
        at.error(path + ".latency", "max is below min", "e.g. latency: {min: 100ms, max: 300ms}");
      }
      List<String> watchers =
          List.of(
              "controller",
              "rest-controller",
              "service",
              "repository",
              "component",
              "bean",
              "rest-template",
              "web-client");
      for (int i = 0; i < a.watchers().size(); i++) {
        if (!watchers.contains(a.watchers().get(i))) {
          unknownReference(
              path + ".watchers[" + i + "]",
              "watcher",
              a.watchers().get(i),
              new LinkedHashSet<>(watchers));
        }
      }
    }
    if (target != null && !e.targets().containsKey(target)) {
      unknownReference(path + ".target", "target", target, e.targets().keySet());
    }
  }

  private void checkToxic(ToxicFault t, String path) {
    double toxicity = t.toxicity();
    if (toxicity < 0 || toxicity > 1) {
      at.error(
          path + ".toxicity",
          "toxicity is a probability and must lie between 0 and 1",
          "e.g. toxicity: 0.5");
    }
    if (t instanceof ToxicFaults.Bandwidth b && b.rate() < 0) {
      at.error(path + ".rate", "the rate cannot be negative", "give KB/s, e.g. rate: 100");
    }
    if (t instanceof ToxicFaults.LimitData d && d.bytes() < 0) {
      at.error(path + ".bytes", "bytes cannot be negative", "e.g. bytes: 1024");
    }
    if (t instanceof ToxicFaults.Slicer s
        && (s.averageSize() < 1 || s.sizeVariation() < 0 || s.sizeVariation() >= s.averageSize())) {
      at.error(
          path + ".average-size",
          "slices need average-size >= 1 and 0 <= size-variation < average-size",
          "e.g. average-size: 64, size-variation: 16");
    }
  }

  private void checkChecks() {
    if (e.checks().isEmpty()) {
      at.error(
          "checks",
          "no check is declared: an experiment without checks proves nothing",
          "add e.g. \"- counter-consistency: {target: counter, load: counter}\"");
    }
    Set<String> names = new LinkedHashSet<>();
    Set<String> loads = new HashSet<>();
    e.load().forEach(l -> loads.add(l.name()));
    for (int i = 0; i < e.checks().size(); i++) {
      CheckSpec c = e.checks().get(i);
      String path = "checks[" + i + "]." + c.kindName();
      if (!names.add(c.name())) {
        at.error(
            path + ".name",
            "another check is named \"" + c.name() + "\"",
            "give each check of the same kind its own name");
      }
      checkCheckReferences(c, path, loads);
      if (c instanceof CounterConsistencySpec cc) {
        if (!e.targets().containsKey(cc.target())) {
          unknownReference(path + ".target", "target", cc.target(), e.targets().keySet());
        }
        if (!loads.contains(cc.load())) {
          unknownReference(path + ".load", "load step", cc.load(), loads);
        }
        if (!cc.value().startsWith("/")) {
          at.error(
              path + ".value",
              "\"" + cc.value() + "\" is not a JSON Pointer",
              "start it with /, e.g. /value");
        }
      }
    }
    if (e.expect() == Expectation.PASS && !e.caughtBy().isEmpty()) {
      at.error(
          "caught-by",
          "caught-by applies to controls only",
          "set \"expect: caught\", or remove caught-by");
    }
    for (int i = 0; i < e.caughtBy().size(); i++) {
      if (!names.contains(e.caughtBy().get(i))) {
        unknownReference("caught-by[" + i + "]", "check", e.caughtBy().get(i), names);
      }
    }
  }

  private void checkCheckReferences(CheckSpec c, String path, Set<String> loads) {
    Set<String> faults = new LinkedHashSet<>();
    e.faults().forEach(f -> faults.add(f.name()));
    String target = null;
    String load = null;
    if (c instanceof CheckSpecs.TimeoutsFire t) {
      target = t.target();
      load = t.load();
      if (t.during() != null && !faults.contains(t.during())) {
        unknownReference(path + ".during", "fault", t.during(), faults);
      }
      if ((t.stats() == null) != (t.counter() == null)) {
        at.error(
            path,
            "stats and counter go together",
            "give both, e.g. stats: GET /aggregate/stats and counter: /timeoutsFired, or neither");
      }
    } else if (c instanceof CheckSpecs.NoThreadLeak n) {
      target = n.target();
      for (int i = 0; i < n.ignore().size(); i++) {
        try {
          java.util.regex.Pattern.compile(n.ignore().get(i));
        } catch (java.util.regex.PatternSyntaxException ex) {
          at.error(
              path + ".ignore[" + i + "]",
              "not a regular expression: " + ex.getDescription(),
              "e.g. \"http-nio-.*\"");
        }
      }
    } else if (c instanceof CheckSpecs.NoDeadlock d) {
      target = d.target();
      load = d.load();
    } else if (c instanceof CheckSpecs.Invariant i) {
      checkInvariant(i, path);
      target = i.target();
    } else if (c instanceof CheckSpecs.ResponseTime r) {
      target = r.target();
      load = r.load();
      checkScope(r.during(), r.outsideFaults(), path, faults);
      if (!(r.percentile() > 0 && r.percentile() <= 100)) {
        at.error(
            path + ".percentile",
            "the percentile must lie above 0 and at most 100",
            "e.g. percentile: 99");
      }
    } else if (c instanceof CheckSpecs.ErrorRate r) {
      load = r.load();
      checkScope(r.during(), r.outsideFaults(), path, faults);
    }
    if (target != null && !e.targets().containsKey(target)) {
      unknownReference(path + ".target", "target", target, e.targets().keySet());
    }
    if (load != null && !loads.contains(load)) {
      unknownReference(path + ".load", "load step", load, loads);
    }
  }

  /**
   * The requests a latency or error check looks at: every one, those under a fault, or those clear
   * of every fault.
   */
  private void checkScope(String during, boolean outsideFaults, String path, Set<String> faults) {
    if (during != null && !faults.contains(during)) {
      unknownReference(path + ".during", "fault", during, faults);
    }
    if (during != null && outsideFaults) {
      at.error(
          path + ".outside-faults",
          "during and outside-faults exclude each other",
          "keep one: during: <fault> or outside-faults: true");
    }
  }

  private void checkInvariant(CheckSpecs.Invariant i, String path) {
    if (i.equals() == null && i.atMost() == null && i.atLeast() == null) {
      at.error(path, "the invariant compares with nothing", "add equals, at-most or at-least");
    }
    if (!i.path().startsWith("$")) {
      at.error(
          path + ".path",
          "\"" + i.path() + "\" is not a JSONPath",
          "start it with $, e.g. $.tornReads");
    }
  }

  private void checkStopConditions() {
    for (int i = 0; i < e.steadyState().size(); i++) {
      CheckSpecs.Invariant probe = e.steadyState().get(i);
      checkInvariant(probe, "steady-state[" + i + "]");
      if (!e.targets().containsKey(probe.target())) {
        unknownReference(
            "steady-state[" + i + "].target", "target", probe.target(), e.targets().keySet());
      }
    }
    for (int i = 0; i < e.stopWhen().size(); i++) {
      if (e.stopWhen().get(i) instanceof StopConditions.TargetDied d
          && !e.targets().containsKey(d.target())) {
        unknownReference(
            "stop-when[" + i + "].target-died", "target", d.target(), e.targets().keySet());
      }
    }
  }

  /** Where load can be aimed: targets and proxies. */
  private Set<String> destinations() {
    Set<String> all = new LinkedHashSet<>(e.targets().keySet());
    all.addAll(proxyNames());
    return all;
  }

  /** Declared proxies plus the one made for every {@code calls} link, named caller->callee. */
  private Set<String> proxyNames() {
    Set<String> all = new LinkedHashSet<>(e.proxies().keySet());
    e.targets().forEach((name, t) -> t.calls().forEach(c -> all.add(name + "->" + c)));
    return all;
  }

  private void checkName(String name, String path) {
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,62}")) {
      at.error(
          path,
          "\"" + name + "\" is not a valid name",
          "use letters, digits, dots, dashes and underscores");
    }
  }

  private void unknownReference(String path, String what, String name, Set<String> known) {
    String guess = Names.closest(name, known);
    at.error(
        path,
        "no " + what + " is named \"" + name + "\"",
        guess != null
            ? "did you mean \"" + guess + "\"?"
            : known.isEmpty() ? "declare it first" : "use one of " + String.join(", ", known));
  }

  static Duration nonNull(Duration d) {
    return d == null ? Duration.ZERO : d;
  }
}
