package dev.faultline.launch;

import dev.faultline.InfrastructureException;

/** A target could not be started or did not become healthy in time. Carries the target's name. */
public final class TargetStartException extends InfrastructureException {

  private static final long serialVersionUID = 1L;

  private final String target;

  public TargetStartException(String target, String message) {
    super("target " + target + ": " + message);
    this.target = target;
  }

  public TargetStartException(String target, String message, Throwable cause) {
    super("target " + target + ": " + message, cause);
    this.target = target;
  }

  public String target() {
    return target;
  }
}
