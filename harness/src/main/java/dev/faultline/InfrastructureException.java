package dev.faultline;

/**
 * Something Faultline needs could not be provided — a target would not start or become healthy, a
 * proxy could not bind, a load generator died. Not a verdict on the system under test (CLI exit
 * code 3).
 */
public class InfrastructureException extends FaultlineException {

  private static final long serialVersionUID = 1L;

  public InfrastructureException(String message) {
    super(message);
  }

  public InfrastructureException(String message, Throwable cause) {
    super(message, cause);
  }
}
