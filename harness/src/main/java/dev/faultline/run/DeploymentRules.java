package dev.faultline.run;

import dev.faultline.experiment.Experiment;
import dev.faultline.experiment.Limits;
import dev.faultline.experiment.TargetSpec;
import java.net.URI;

/** What {@link Deployment} decides without starting anything: rules and descriptions. Stateless. */
final class DeploymentRules {

  private DeploymentRules() {}

  /**
   * The loader refused these already ({@link Limits}); an {@link Experiment} built by hand must not
   * bind beyond loopback or reach another host either, so the same rule is asked before anything
   * starts.
   */
  static void requireLoopback(Experiment e) {
    e.proxies()
        .forEach(
            (name, p) -> {
              String why = Limits.listenProblem(p.listen());
              if (why != null) {
                throw new IllegalArgumentException("proxies." + name + ".listen: " + why);
              }
            });
    String why = e.toxiproxy() == null ? null : Limits.loopbackUrlProblem(e.toxiproxy().url());
    if (why != null) {
      throw new IllegalArgumentException("toxiproxy.url: " + why);
    }
  }

  /** Whether the run needs a Toxiproxy: declared proxies, or targets that call each other. */
  static boolean proxiesNeeded(Experiment e) {
    return !e.proxies().isEmpty()
        || e.targets().values().stream().anyMatch(t -> !t.calls().isEmpty());
  }

  /**
   * The value of a {@code ${url|host|port:NAME}} placeholder for a target reached at {@code where}.
   */
  static String placeholderValue(URI where, String kind) {
    int port =
        where.getPort() != -1 ? where.getPort() : "https".equals(where.getScheme()) ? 443 : 80;
    return switch (kind) {
      case "host" -> where.getHost();
      case "port" -> String.valueOf(port);
      default ->
          where.toString().endsWith("/")
              ? where.toString().substring(0, where.toString().length() - 1)
              : where.toString();
    };
  }

  /** How a target is launched, in a few words for the console. */
  static String describe(TargetSpec s) {
    if (s.builtin() != null) {
      return "built-in " + s.builtin() + (s.variant() != null ? "/" + s.variant() : "");
    }
    if (s.url() != null) {
      return "attached at " + s.url();
    }
    return s.jar() != null ? "jar " + s.jar() : "command " + String.join(" ", s.command());
  }
}
