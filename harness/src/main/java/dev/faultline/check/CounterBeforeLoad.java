package dev.faultline.check;

import java.net.URI;
import java.util.Optional;

/**
 * A counter a check reads of its target before load as well as after, so that it judges the change
 * over the load and not the value since the service started. The run reads it after provisioning
 * and hands it back through {@link CheckContext}.
 */
public interface CounterBeforeLoad {

  /**
   * The counter now; throws {@link dev.faultline.InfrastructureException} saying why it cannot be
   * read.
   */
  CounterBounds.Reading read(URI baseUrl);

  /** The journal's line for what was read. */
  String readLine(CounterBounds.Reading reading);

  /** The journal's line when it could not be read. */
  String unreadLine(String why);

  /** What the console says when it could not be read, if the run should say it at once. */
  default Optional<String> unreadWarning(String why) {
    return Optional.empty();
  }
}
