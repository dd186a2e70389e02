package dev.faultline.builtin.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A target that every test of a class shares, such as the downstream a calling service is tested
 * against: started before the class's first test, closed after its last. Register it as a static
 * field with {@code @RegisterExtension}.
 */
public final class SharedTarget implements BeforeAllCallback, AfterAllCallback {

  private final String service;
  private final String[] args;
  private RunningTarget running;

  private SharedTarget(String service, String... args) {
    this.service = service;
    this.args = args;
  }

  /** A downstream that answers with {@code name}, stopped without a graceful wait. */
  public static SharedTarget downstream(String name) {
    return new SharedTarget(
        "downstream", "--faultline.downstream.name=" + name, "--server.shutdown=immediate");
  }

  /** The running target; only between the class's first and last test. */
  public RunningTarget get() {
    if (running == null) {
      throw new IllegalStateException(service + " is not running: register it as an extension");
    }
    return running;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    running = RunningTarget.start(service, null, args);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    running.close();
    running = null;
  }
}
