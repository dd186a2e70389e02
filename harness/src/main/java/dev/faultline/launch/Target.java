package dev.faultline.launch;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A running service under test. Implementations are thread-safe; {@link #close()} is idempotent and
 * bounded in time.
 */
public interface Target extends AutoCloseable {

  /** The target's name in the experiment. */
  String name();

  /** Where it answers HTTP, always a loopback address, e.g. {@code http://127.0.0.1:41234}. */
  URI baseUrl();

  /** The operating-system process, when Faultline started it on this machine. */
  Optional<ProcessHandle> process();

  /** The file its output goes to, when Faultline captures it. */
  Optional<Path> log();

  /** False once the process has exited (always true for an attached service). */
  boolean isAlive();

  /** Stops the target if Faultline started it; leaves an attached service alone. */
  @Override
  void close();
}
