package dev.faultline.api;

import dev.faultline.experiment.LoadedExperiment;
import java.nio.file.Path;

/**
 * A valid experiment file, loaded by {@link Faultline#load(Path)}, ready to run. Immutable and
 * thread-safe.
 */
public final class ExperimentFile {

  private final LoadedExperiment loaded;

  ExperimentFile(LoadedExperiment loaded) {
    this.loaded = loaded;
  }

  /** The experiment's name, which also names its run folders. */
  public String name() {
    return loaded.name();
  }

  /** The file it was loaded from, as given. */
  public Path file() {
    return loaded.file();
  }

  /** The seed of every random choice the run makes, as the file declares it. */
  public long seed() {
    return loaded.experiment().seed();
  }

  LoadedExperiment loaded() {
    return loaded;
  }

  @Override
  public String toString() {
    return name() + " (" + file() + ")";
  }
}
