package dev.faultline.target;

import dev.faultline.container.ContainerSession;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the run provides when a target starts: where its log goes, where Faultline is installed (to
 * find the built-in targets' jar), extra Spring properties (e.g. the proxied URLs of the services
 * it calls), and — for {@code launch: container} — the run's container session (null otherwise).
 */
public record TargetLaunch(Path runFolder, Path home, Map<String, String> extraProperties, ContainerSession containers) {

    public TargetLaunch {
        extraProperties = Map.copyOf(extraProperties);
    }

    /** A launch without containers: every target runs as a process (or is attached by URL). */
    public TargetLaunch(Path runFolder, Path home, Map<String, String> extraProperties) {
        this(runFolder, home, extraProperties, null);
    }

    /** The jar holding the built-in targets. */
    public Path builtinJar() {
        return home.resolve("targets/target/faultline-targets.jar");
    }
}
