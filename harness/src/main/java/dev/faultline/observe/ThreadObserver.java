package dev.faultline.observe;

import java.util.Optional;
import javax.management.MBeanServerConnection;

/**
 * Looks at the threads of one target. Implementations are thread-safe (a deadlock watch and a
 * timeline sampler may call them at once); every call is bounded in time and throws {@link
 * ObserveException} with a readable reason when the target cannot be seen.
 */
public interface ThreadObserver extends AutoCloseable {

  /** How this observer looks, e.g. "JMX via the Attach API, pid 4242". */
  String source();

  /** Every thread now. */
  ThreadSnapshot snapshot();

  /**
   * How many live threads the target has now: cheaper than a snapshot, for a per-second timeline.
   */
  default int liveThreads() {
    return snapshot().size();
  }

  /** The deadlock cycle now, if any; never null. */
  DeadlockReport deadlocks();

  /**
   * The JMX connection to the target's JVM, when the observer has one (a local JVM it attached to):
   * what a flight recording of the target streams over.
   */
  default Optional<MBeanServerConnection> mbeans() {
    return Optional.empty();
  }

  /** Releases the connection; idempotent. */
  @Override
  void close();
}
