package dev.faultline.builtin.support;

/** A request parameter is out of bounds; answered with 400. The message names the parameter. */
public class InvalidRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message which parameter, its bound, and the value given
   */
  public InvalidRequestException(String message) {
    super(message);
  }

  /** Fails unless {@code min <= value <= max}. */
  public static long requireBetween(String parameter, long value, long min, long max) {
    if (value < min || value > max) {
      throw new InvalidRequestException(
          parameter + " must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }
}
