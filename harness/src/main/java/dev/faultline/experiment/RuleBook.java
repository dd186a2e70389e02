package dev.faultline.experiment;

import dev.faultline.experiment.internal.Names;
import dev.faultline.experiment.internal.YamlBinder;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the rule classes share: the experiment they judge, where their errors go, and how a name and
 * a reference to a declared name are judged.
 */
final class RuleBook {

  final Experiment experiment;
  private final YamlBinder binder;

  RuleBook(Experiment experiment, YamlBinder binder) {
    this.experiment = experiment;
    this.binder = binder;
  }

  void error(String path, String message, String fix) {
    binder.error(path, message, fix);
  }

  /** An error at {@code field} when nothing of it is declared. */
  void requireSome(List<?> declared, String field, String message, String fix) {
    if (declared.isEmpty()) {
      error(field, message, fix);
    }
  }

  /** An error at {@code path} unless {@code target} is null or a declared target. */
  void targetReference(String path, String target) {
    if (target != null && !experiment.targets().containsKey(target)) {
      unknownReference(path, "target", target, experiment.targets().keySet());
    }
  }

  void unknownReference(String path, String what, String name, Set<String> known) {
    String guess = Names.closest(name, known);
    error(
        path,
        "no " + what + " is named \"" + name + "\"",
        guess != null
            ? "did you mean \"" + guess + "\"?"
            : known.isEmpty() ? "declare it first" : "use one of " + String.join(", ", known));
  }

  void checkName(String name, String path) {
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,62}")) {
      error(
          path,
          "\"" + name + "\" is not a valid name",
          "use letters, digits, dots, dashes and underscores");
    }
  }

  /** Declared proxies plus the one made for every {@code calls} link, named caller->callee. */
  Set<String> proxyNames() {
    Set<String> all = new LinkedHashSet<>(experiment.proxies().keySet());
    experiment.targets().forEach((name, t) -> t.calls().forEach(c -> all.add(name + "->" + c)));
    return all;
  }

  /** Where load can be aimed: targets and proxies. */
  Set<String> destinations() {
    Set<String> all = new LinkedHashSet<>(experiment.targets().keySet());
    all.addAll(proxyNames());
    return all;
  }

  /** The load steps' names (in hash order, which the "use one of" hints have always shown). */
  Set<String> loadNames() {
    Set<String> loads = new HashSet<>();
    experiment.load().forEach(l -> loads.add(l.name()));
    return loads;
  }

  Set<String> faultNames() {
    Set<String> faults = new LinkedHashSet<>();
    experiment.faults().forEach(f -> faults.add(f.name()));
    return faults;
  }
}
