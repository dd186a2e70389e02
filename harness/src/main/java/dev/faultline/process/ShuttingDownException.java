package dev.faultline.process;

import dev.faultline.FaultlineException;

/**
 * Something was asked to start while the harness was shutting down (Ctrl-C, SIGTERM); it was not
 * left running.
 */
public final class ShuttingDownException extends FaultlineException {

  private static final long serialVersionUID = 1L;

  public ShuttingDownException(String message) {
    super(message);
  }
}
