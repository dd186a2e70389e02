package dev.faultline.experiment;

import dev.faultline.experiment.internal.Names;
import java.util.List;
import java.util.Map;

/**
 * The rules of the targets and proxies: what a target runs, built-in names and variants, loopback
 * addresses, and references between targets and proxies.
 */
record TargetRules(RuleBook book) {

  void check() {
    checkTargets();
    checkProxies();
  }

  private void checkTargets() {
    book.requireSome(
        List.copyOf(book.experiment.targets().keySet()),
        "targets",
        "no target is declared",
        "add a target, e.g. \"counter: {builtin: counter, variant: locked}\"");
    for (Map.Entry<String, TargetSpec> entry : book.experiment.targets().entrySet()) {
      String path = "targets." + entry.getKey();
      TargetSpec t = entry.getValue();
      book.checkName(entry.getKey(), path);
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
        book.error(
            path + ".image",
            "image applies to launch: container only",
            "add \"launch: container\", or remove image");
      }
      if (sources != 1) {
        book.error(
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
          book.error(
              path + ".builtin",
              "no built-in target is called \"" + t.builtin() + "\"",
              (guess != null ? "did you mean " + guess + "? " : "")
                  + "built-ins: "
                  + String.join(", ", BuiltinTargets.names()));
        } else if (t.variant() != null && !variants.contains(t.variant())) {
          String guess = Names.closest(t.variant(), variants);
          book.error(
              path + ".variant",
              "\"" + t.builtin() + "\" has no variant \"" + t.variant() + "\"",
              (guess != null ? "did you mean " + guess + "? " : "")
                  + "variants: "
                  + String.join(", ", variants));
        }
      } else if (t.variant() != null) {
        book.error(
            path + ".variant",
            "variant applies to built-in targets only",
            "remove variant, or pass your own setting through properties");
      }
      String urlProblem =
          t.url() == null || t.url().contains("${") ? null : Limits.loopbackUrlProblem(t.url());
      if (urlProblem != null) {
        book.error(
            path + ".url", urlProblem, "use http://127.0.0.1:<port> or http://localhost:<port>");
      }
      if (t.launch() == Launch.CONTAINER && t.image() == null && t.builtin() == null) {
        book.error(
            path + ".image",
            "a container target needs an image",
            "add \"image: <name:tag>\" or use a builtin target");
      }
      for (int i = 0; i < t.calls().size(); i++) {
        if (!book.experiment.targets().containsKey(t.calls().get(i))) {
          book.unknownReference(
              path + ".calls[" + i + "]",
              "target",
              t.calls().get(i),
              book.experiment.targets().keySet());
        }
      }
      if (!t.health().startsWith("/")) {
        book.error(path + ".health", "the health path must start with /", "e.g. /actuator/health");
      }
    }
  }

  private void checkProxies() {
    for (Map.Entry<String, ProxySpec> p : book.experiment.proxies().entrySet()) {
      String path = "proxies." + p.getKey();
      book.checkName(p.getKey(), path);
      if (book.experiment.targets().containsKey(p.getKey())) {
        book.error(
            path,
            "a target is also named \"" + p.getKey() + "\"",
            "give the proxy its own name, e.g. " + p.getKey() + "-proxy");
      }
      if (!book.experiment.targets().containsKey(p.getValue().upstream())) {
        book.unknownReference(
            path + ".upstream",
            "target",
            p.getValue().upstream(),
            book.experiment.targets().keySet());
      }
      String listenProblem = Limits.listenProblem(p.getValue().listen());
      if (listenProblem != null) {
        book.error(
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
    if (book.experiment.toxiproxy() == null) {
      return;
    }
    String urlProblem = Limits.loopbackUrlProblem(book.experiment.toxiproxy().url());
    if (urlProblem != null) {
      book.error(
          "toxiproxy.url",
          urlProblem,
          "run Toxiproxy on this machine and use http://127.0.0.1:8474 (for one on another host, forward its port: ssh -L 8474:127.0.0.1:8474 <host>)");
    }
    if (!Limits.isLoopbackHost(book.experiment.toxiproxy().listenHost())) {
      book.error(
          "toxiproxy.listen-host",
          "\""
              + book.experiment.toxiproxy().listenHost()
              + "\" is not a loopback address; load goes through the proxies, and Faultline sends load only to this machine",
          "use 127.0.0.1");
    }
  }
}
