package dev.faultline.launch;

import dev.faultline.experiment.TargetSpec;
import java.net.URI;

/**
 * An already running service, reached by URL; Faultline neither starts nor stops it. Thread-safe.
 */
final class AttachedTarget extends NamedTarget {

  private AttachedTarget(String name, URI baseUrl) {
    super(name, baseUrl, null);
  }

  static AttachedTarget attach(String name, TargetSpec spec) {
    URI url =
        URI.create(
            spec.url().endsWith("/")
                ? spec.url().substring(0, spec.url().length() - 1)
                : spec.url());
    int status = ProcessTarget.HEALTH.status(url.resolve(spec.health()));
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
  public boolean isAlive() {
    return true;
  }

  @Override
  public void close() {
    // Not ours to stop.
  }
}
