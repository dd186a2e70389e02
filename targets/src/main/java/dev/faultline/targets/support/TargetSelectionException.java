package dev.faultline.targets.support;

/**
 * The command line is wrong: no service, an unknown service, a variant the service does not have,
 * or a setting the service cannot run with.
 * Startup fails with this; {@link TargetSelectionFailureAnalyzer} prints the message, which lists
 * the valid choices.
 */
public class TargetSelectionException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what was wrong and what the valid choices are
   */
  public TargetSelectionException(String message) {
    super(message);
  }
}
