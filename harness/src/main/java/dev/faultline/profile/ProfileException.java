package dev.faultline.profile;

import dev.faultline.InfrastructureException;

/** A recording could not be started, saved or read; the message says which target and why. */
public final class ProfileException extends InfrastructureException {

  private static final long serialVersionUID = 1L;

  public ProfileException(String message, Throwable cause) {
    super(message, cause);
  }

  public ProfileException(String message) {
    super(message);
  }
}
