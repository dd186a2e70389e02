package dev.faultline.launch;

import static org.awaitility.Awaitility.await;

import dev.faultline.experiment.Durations;
import dev.faultline.experiment.TargetSpec;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;

/**
 * An already running service, reached by URL; Faultline neither starts nor stops it, but gives it
 * its {@code startup-timeout} to answer its health path healthy. Thread-safe.
 */
final class AttachedTarget extends NamedTarget {

  private static final Duration HEALTH_POLL = Duration.ofMillis(200);

  private AttachedTarget(String name, URI baseUrl) {
    super(name, baseUrl, null);
  }

  static AttachedTarget attach(String name, TargetSpec spec) {
    URI url =
        URI.create(
            spec.url().endsWith("/")
                ? spec.url().substring(0, spec.url().length() - 1)
                : spec.url());
    int status = awaitHealth(url.resolve(spec.health()), spec.startupTimeout());
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
              + " within its startup-timeout of "
              + Durations.format(spec.startupTimeout())
              + "; start the service, correct url/health, or give it a longer startup-timeout");
    }
    return new AttachedTarget(name, url);
  }

  /**
   * Asks the health path until it answers 2xx or an answer that will not change (404, 405…), at
   * most {@code bound}: a service the caller has just started may not answer yet, or answer 503
   * while it warms up. The last status; 0 if nothing answered.
   */
  private static int awaitHealth(URI health, Duration bound) {
    AtomicInteger last = new AtomicInteger();
    try {
      await("health at " + health)
          .atMost(bound)
          .pollDelay(Duration.ZERO)
          .pollInterval(HEALTH_POLL)
          .until(
              () -> {
                int status = ProcessTarget.HEALTH.status(health);
                last.set(status);
                return status / 100 == 2 || HealthAnswers.FINAL.contains(status);
              });
    } catch (ConditionTimeoutException e) {
      // the last answer says why
    }
    return last.get();
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
