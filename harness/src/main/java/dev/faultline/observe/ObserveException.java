package dev.faultline.observe;

import dev.faultline.InfrastructureException;

/** A target's threads could not be seen; the message says why and what to do. */
public final class ObserveException extends InfrastructureException {

  private static final long serialVersionUID = 1L;

  public ObserveException(String message) {
    super(message);
  }

  public ObserveException(String message, Throwable cause) {
    super(message, cause);
  }
}
