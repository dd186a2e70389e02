package dev.faultline.load;

/**
 * A load run could not be started, did not end in time, or its files could not be read. The message
 * names the experiment, what failed and where to look.
 */
public class LoadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public LoadException(String message) {
    super(message);
  }

  public LoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
