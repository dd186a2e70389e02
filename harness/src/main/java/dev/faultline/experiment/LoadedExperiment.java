package dev.faultline.experiment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A valid experiment together with the file it came from and the YAML text as written. */
public record LoadedExperiment(Experiment experiment, Path file, String yaml) {

  public String name() {
    return experiment.name();
  }

  /**
   * This experiment with every built-in target launched as {@code launch} (a command-line override
   * such as {@code --launch container}); other targets keep theirs. The YAML text gains a comment
   * saying so, as the report shows it "as run".
   */
  public LoadedExperiment withBuiltinLaunch(Launch launch) {
    Experiment e = experiment;
    Map<String, TargetSpec> targets = new LinkedHashMap<>();
    e.targets()
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
    String note =
        "# launch: "
            + launch.name().toLowerCase(Locale.ROOT)
            + " for every built-in target (command-line override)\n";
    return new LoadedExperiment(changed, file, note + yaml);
  }
}
