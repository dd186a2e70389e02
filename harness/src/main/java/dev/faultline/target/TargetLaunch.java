package dev.faultline.target;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the run provides when a target starts: where its log goes, where Faultline is installed (to
 * find the built-in targets' jar), and extra Spring properties (e.g. the proxied URLs of the
 * services it calls).
 */
public record TargetLaunch(Path runFolder, Path home, Map<String, String> extraProperties) {

    public TargetLaunch {
        extraProperties = Map.copyOf(extraProperties);
    }

    /** The jar holding the built-in targets. */
    public Path builtinJar() {
        return home.resolve("targets/target/faultline-targets.jar");
    }
}
