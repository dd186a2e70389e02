package dev.faultline.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The start order of an experiment's targets: a target starts after the targets it {@code calls}
 * and after those its placeholders name, a proxy standing for its upstream target (a proxy is
 * created once its upstream is healthy, before the targets that name it start). Stateless.
 */
public final class Wiring {

  private Wiring() {}

  /**
   * Every proxy of the experiment, declared or made for a {@code calls} link ({@code
   * caller->callee}), with its upstream target.
   */
  public static Map<String, String> proxyUpstreams(Experiment e) {
    Map<String, String> upstreams = new LinkedHashMap<>();
    e.proxies().forEach((name, p) -> upstreams.put(name, p.upstream()));
    e.targets()
        .forEach(
            (caller, t) ->
                t.calls().forEach(callee -> upstreams.put(caller + "->" + callee, callee)));
    return upstreams;
  }

  /**
   * The targets {@code target} starts after. Names that are neither a target nor a proxy are left
   * out.
   */
  public static Set<String> startsAfter(Experiment e, String target) {
    TargetSpec spec = e.targets().get(target);
    Set<String> after = new LinkedHashSet<>(spec.calls());
    Map<String, String> proxies = proxyUpstreams(e);
    for (String named : Placeholders.namedIn(spec)) {
      if (e.targets().containsKey(named)) {
        after.add(named);
      } else if (proxies.containsKey(named)) {
        after.add(proxies.get(named));
      }
    }
    after.retainAll(e.targets().keySet());
    return after;
  }

  /** A cycle in the start order, written {@code [a, b, a]}; empty when there is none. */
  public static List<String> cycle(Experiment e) {
    Map<String, Integer> state = new LinkedHashMap<>();
    for (String t : e.targets().keySet()) {
      List<String> path = new ArrayList<>();
      List<String> found = visit(e, t, state, path);
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }

  /** Depth-first: state 1 is on the current path, 2 is done. */
  private static List<String> visit(
      Experiment e, String t, Map<String, Integer> state, List<String> path) {
    Integer s = state.get(t);
    if (s != null && s == 2) {
      return List.of();
    }
    if (s != null) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(t), path.size()));
      cycle.add(t);
      return cycle;
    }
    state.put(t, 1);
    path.add(t);
    for (String next : startsAfter(e, t)) {
      List<String> found = visit(e, next, state, path);
      if (!found.isEmpty()) {
        return found;
      }
    }
    path.remove(path.size() - 1);
    state.put(t, 2);
    return List.of();
  }
}
