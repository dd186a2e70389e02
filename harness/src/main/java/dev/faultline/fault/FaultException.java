package dev.faultline.fault;

import dev.faultline.InfrastructureException;

/** A fault could not be applied or rolled back. Carries the fault's name. */
public final class FaultException extends InfrastructureException {

  private static final long serialVersionUID = 1L;

  private final String fault;

  public FaultException(String fault, String message, Throwable cause) {
    super("fault " + fault + ": " + message, cause);
    this.fault = fault;
  }

  public FaultException(String fault, String message) {
    super("fault " + fault + ": " + message);
    this.fault = fault;
  }

  /**
   * A wait of the fault for {@code what} was interrupted; sets the thread's interrupt flag again,
   * so the caller's caller still sees it.
   */
  static FaultException interrupted(String fault, String what, InterruptedException e) {
    Thread.currentThread().interrupt();
    return new FaultException(fault, "interrupted while waiting for " + what, e);
  }

  /** The fault's name in the experiment. */
  public String fault() {
    return fault;
  }
}
