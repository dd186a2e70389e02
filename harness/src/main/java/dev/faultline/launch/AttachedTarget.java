package dev.faultline.launch;

import dev.faultline.experiment.TargetSpec;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An already running service, reached by URL; Faultline neither starts nor stops it. Thread-safe.
 */
final class AttachedTarget implements Target {

  private final String name;
  private final URI baseUrl;

  private AttachedTarget(String name, URI baseUrl) {
    this.name = name;
    this.baseUrl = baseUrl;
  }

  static AttachedTarget attach(String name, TargetSpec spec) {
    URI url =
        URI.create(
            spec.url().endsWith("/")
                ? spec.url().substring(0, spec.url().length() - 1)
                : spec.url());
    int status = ProcessTarget.status(url.resolve(spec.health()));
    if (HealthAnswers.FINAL.contains(status)) {
      throw new TargetStartException(
          name, HealthAnswers.failure(spec.health(), status) + " (at " + url + ")");
    }
    if (status / 100 != 2) {
      throw new TargetStartException(
          name,
          "nothing healthy answers at "
              + url.resolve(spec.health())
              + (status == 0 ? "" : " (it answered " + status + ")")
              + "; start the service or correct url/health");
    }
    return new AttachedTarget(name, url);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public URI baseUrl() {
    return baseUrl;
  }

  @Override
  public Optional<ProcessHandle> process() {
    return Optional.empty();
  }

  @Override
  public Optional<Path> log() {
    return Optional.empty();
  }

  @Override
  public boolean isAlive() {
    return true;
  }

  @Override
  public void close() {
    // Not ours to stop.
  }
}
