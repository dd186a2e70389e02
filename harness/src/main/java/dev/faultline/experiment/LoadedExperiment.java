package dev.faultline.experiment;

import dev.faultline.experiment.internal.Names;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A valid experiment together with the file it came from, the YAML text as written, and the
 * overrides made to it since it was loaded (each a sentence, shown as a comment above the text "as
 * run"). Immutable.
 */
public record LoadedExperiment(
    Experiment experiment, Path file, String written, List<String> overrides) {

  public LoadedExperiment {
    overrides = List.copyOf(overrides);
  }

  /** An experiment as its file declares it, with no override. */
  public LoadedExperiment(Experiment experiment, Path file, String written) {
    this(experiment, file, written, List.of());
  }

  public String name() {
    return experiment.name();
  }

  /** The YAML text as run: a comment line for each override, then the file as written. */
  public String yaml() {
    return overrides.stream().map(o -> "# " + o + "\n").collect(Collectors.joining()) + written;
  }

  /**
   * This experiment with every built-in target launched as {@code launch} (a command-line override
   * such as {@code --launch container}); other targets keep theirs. The YAML text gains a comment
   * saying so, as the report shows it "as run".
   */
  public LoadedExperiment withBuiltinLaunch(Launch launch) {
    Map<String, TargetSpec> targets = new LinkedHashMap<>();
    experiment
        .targets()
        .forEach(
            (name, t) ->
                targets.put(
                    name,
                    t.builtin() == null
                        ? t
                        : new TargetSpec(
                            t.builtin(),
                            t.variant(),
                            t.command(),
                            t.jar(),
                            t.url(),
                            launch,
                            t.image(),
                            t.health(),
                            t.startupTimeout(),
                            t.properties(),
                            t.env(),
                            t.jvmArgs(),
                            t.calls())));
    return withTargets(
        targets,
        "launch: "
            + launch.name().toLowerCase(Locale.ROOT)
            + " for every built-in target (command-line override)");
  }

  /**
   * This experiment with target {@code target} attached at {@code url}, as a {@code url:} target
   * is, instead of started: what the file says it runs (builtin, command, jar, image, and the
   * properties, env and JVM options of starting it) gives way to the URL; its health path, startup
   * timeout and calls stay. The changed experiment is judged by the same rules as a file (a URL on
   * loopback only, among them), and the YAML text gains a comment saying so.
   *
   * @throws IllegalArgumentException naming the experiment's targets when none is called {@code
   *     target}, or listing the errors the changed experiment has, each as {@code file:line:column:
   *     field: what} with its fix
   */
  public LoadedExperiment withTargetUrl(String target, String url) {
    TargetSpec t = experiment.targets().get(target);
    if (t == null) {
      throw new IllegalArgumentException(noSuchTarget(target));
    }
    TargetSpec attached =
        new TargetSpec(
            null,
            null,
            null,
            null,
            url,
            Launch.PROCESS,
            null,
            t.health(),
            t.startupTimeout(),
            null,
            null,
            null,
            t.calls());
    Map<String, TargetSpec> targets = new LinkedHashMap<>(experiment.targets());
    targets.put(target, attached);
    LoadedExperiment changed =
        withTargets(targets, "targets." + target + ": attached at " + url + " (override in code)");
    List<ExperimentError> errors = ExperimentLoader.recheck(changed);
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(
          "target \""
              + target
              + "\" of "
              + name()
              + " cannot be attached at "
              + url
              + ":\n"
              + errors.stream().map(ExperimentError::toString).collect(Collectors.joining("\n")));
    }
    return changed;
  }

  private String noSuchTarget(String target) {
    String guess = Names.closest(target, experiment.targets().keySet());
    return name()
        + " has no target named \""
        + target
        + "\""
        + (guess != null ? " (did you mean \"" + guess + "\"?)" : "")
        + "; its targets: "
        + String.join(", ", experiment.targets().keySet());
  }

  private LoadedExperiment withTargets(Map<String, TargetSpec> targets, String override) {
    Experiment e = experiment;
    Experiment changed =
        new Experiment(
            e.name(),
            e.description(),
            e.expect(),
            e.caughtBy(),
            e.seed(),
            e.budget(),
            e.requestTimeout(),
            targets,
            e.proxies(),
            e.toxiproxy(),
            e.load(),
            e.faults(),
            e.checks(),
            e.stopWhen(),
            e.steadyState());
    return new LoadedExperiment(
        changed, file, written, Stream.concat(overrides.stream(), Stream.of(override)).toList());
  }
}
