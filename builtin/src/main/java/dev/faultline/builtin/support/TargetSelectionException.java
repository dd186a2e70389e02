package dev.faultline.builtin.support;

import java.util.Optional;

/**
 * The command line is wrong: no service, an unknown service, a variant the service does not have,
 * or a setting the service cannot run with. Startup fails with this; {@link
 * TargetSelectionFailureAnalyzer} prints the message, which lists the valid choices, and the
 * action: how to launch instead. Immutable.
 */
public class TargetSelectionException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String action;

  /**
   * @param message what was wrong and what the valid choices are
   */
  public TargetSelectionException(String message) {
    this(message, null, null);
  }

  /**
   * @param message what was wrong and how to fix it
   * @param action a launch that works, in place of the general example; null for that example
   * @param cause what made the setting unusable, or null
   */
  public TargetSelectionException(String message, String action, Throwable cause) {
    super(message, cause);
    this.action = action;
  }

  /**
   * A launch that fixes this particular mistake, if there is one better than the general example.
   */
  public Optional<String> action() {
    return Optional.ofNullable(action);
  }
}
