package dev.faultline.experiment;

import java.nio.file.Path;

/** A valid experiment together with the file it came from and the YAML text as written. */
public record LoadedExperiment(Experiment experiment, Path file, String yaml) {

    public String name() {
        return experiment.name();
    }
}
