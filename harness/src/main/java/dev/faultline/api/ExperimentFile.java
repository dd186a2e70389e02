package dev.faultline.api;

import dev.faultline.experiment.LoadedExperiment;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A valid experiment file, loaded by {@link Faultline#load(Path)}, ready to run. Immutable and
 * thread-safe: each {@code with} returns a new experiment file.
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

  /** The names of the experiment's targets, in the file's order. */
  public List<String> targets() {
    return List.copyOf(loaded.experiment().targets().keySet());
  }

  /**
   * This experiment with target {@code target} attached at {@code url} instead of started, as if
   * the file said {@code url: <url>} for it: for a service the test already started, or a
   * container's mapped address. What the file says the target runs (builtin, command, jar, image,
   * and its properties, env and JVM options) gives way; its {@code health} path, {@code
   * startup-timeout} and {@code calls} stay. The URL is judged as a {@code url:} in the file is:
   * {@code http(s)} on loopback (127.0.0.0/8, {@code localhost}, {@code [::1]}) only. The report
   * shows the YAML "as run" with a comment naming the override.
   *
   * @throws IllegalArgumentException when the experiment has no target {@code target} (the message
   *     names its targets), or when the URL is not one a {@code url:} target may have (the message
   *     gives the rule's {@code file:line:column: field: what} and its fix)
   */
  public ExperimentFile withTargetUrl(String target, URI url) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(url, "url");
    return new ExperimentFile(loaded.withTargetUrl(target, url.toString()));
  }

  /**
   * This experiment with its only target attached at {@code url}: {@link #withTargetUrl(String,
   * URI)} for an experiment of one target.
   *
   * @throws IllegalArgumentException when the experiment has more than one target (the message
   *     names them), or as {@link #withTargetUrl(String, URI)} does
   */
  public ExperimentFile withTargetUrl(URI url) {
    List<String> targets = targets();
    if (targets.size() != 1) {
      throw new IllegalArgumentException(
          name()
              + " has "
              + targets.size()
              + " targets ("
              + String.join(", ", targets)
              + "); name the one to attach: withTargetUrl(\""
              + targets.get(0)
              + "\", url)");
    }
    return withTargetUrl(targets.get(0), url);
  }

  LoadedExperiment loaded() {
    return loaded;
  }

  @Override
  public String toString() {
    return name() + " (" + file() + ")";
  }
}
