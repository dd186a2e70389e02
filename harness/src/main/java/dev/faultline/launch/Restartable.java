package dev.faultline.launch;

import java.time.Duration;

/**
 * A target Faultline can start again after its process died (or was killed by a fault), with the
 * same command on the same port, so that proxies and load keep pointing at it. Thread-safe.
 */
public interface Restartable {

  /**
   * Starts the target's process again — killing it first if it still runs — and returns once its
   * health path answers 2xx, with how long that took. Throws {@link TargetStartException} with the
   * log's tail if it does not become healthy within its startup timeout, or if the target was
   * closed meanwhile (a closed target never starts again).
   */
  Duration restart();
}
