package dev.faultline.experiment;

import dev.faultline.experiment.internal.Names;
import dev.faultline.experiment.internal.YamlBinder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules of the placeholders that wire targets together, and of the start order they make. */
final class WiringRules {

  private final Experiment experiment;
  private final YamlBinder binder;
  private final Set<String> names = new LinkedHashSet<>();

  WiringRules(Experiment experiment, YamlBinder binder) {
    this.experiment = experiment;
    this.binder = binder;
    names.addAll(experiment.targets().keySet());
    names.addAll(Wiring.proxyUpstreams(experiment).keySet());
  }

  void check() {
    for (Map.Entry<String, TargetSpec> t : experiment.targets().entrySet()) {
      for (Map.Entry<String, String> field : Placeholders.fields(t.getValue()).entrySet()) {
        if (field.getValue() != null) {
          checkField("targets." + t.getKey() + "." + field.getKey(), field.getValue());
        }
      }
    }
    List<String> cycle = Wiring.cycle(experiment);
    if (!cycle.isEmpty()) {
      binder.error(
          "targets." + cycle.get(0),
          "the targets wait for each other to start: " + String.join(" → ", cycle),
          "a target starts after the targets it calls or names in ${url:…}, ${host:…}, ${port:…} (a proxy stands for its upstream); "
              + "remove one link of the cycle, or use ${port} for a target's own port");
    }
  }

  private void checkField(String path, String value) {
    for (String inner : Placeholders.written(value)) {
      Placeholders.Reference r = Placeholders.parse(inner);
      if (r == null) {
        binder.error(path, "unknown placeholder ${" + inner + "}", fix(inner));
      } else if (!r.ownPort() && !names.contains(r.name())) {
        binder.error(
            path,
            "unknown placeholder " + r + ": no target or proxy is named \"" + r.name() + "\"",
            fix(inner));
      } else if (r.ownPort() && path.endsWith(".url")) {
        binder.error(
            path,
            "${port} is the port Faultline picks for a target it starts; an attached target's port is in its url",
            "write the port, e.g. http://127.0.0.1:8080");
      }
    }
  }

  private String fix(String inner) {
    List<String> candidates = new ArrayList<>();
    candidates.add("port");
    for (String kind : List.of("url", "host", "port")) {
      names.forEach(n -> candidates.add(kind + ":" + n));
    }
    String guess = Names.closest(inner, candidates);
    if (guess != null) {
      return "did you mean ${" + guess + "}?";
    }
    return "placeholders are " + Placeholders.KNOWN + ", NAME one of: " + String.join(", ", names);
  }
}
