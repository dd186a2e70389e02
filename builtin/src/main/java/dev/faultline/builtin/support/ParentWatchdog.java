package dev.faultline.builtin.support;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exits this JVM when the process named by the system property {@code faultline.parent-pid} is
 * gone, so that a crashed harness leaves no orphan target behind. Checks about once a second on a
 * single daemon thread ({@code faultline-watchdog-1}).
 *
 * <p>The exit code is {@value #EXIT_CODE_PARENT_GONE}, so that a log reader can tell this exit from
 * a crash. Spring Boot's shutdown hook then closes the context gracefully.
 *
 * <p>Thread-safe: the check runs on the watchdog's own thread; {@link #close()} may be called from
 * any thread.
 */
public final class ParentWatchdog implements AutoCloseable {

  /** The system property that names the parent process id. */
  public static final String PARENT_PID_PROPERTY = "faultline.parent-pid";

  /** The JVM exit code when the parent is gone. */
  public static final int EXIT_CODE_PARENT_GONE = 3;

  private static final Logger LOG = LoggerFactory.getLogger(ParentWatchdog.class);

  private final long parentPid;
  private final Runnable onParentGone;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("faultline-watchdog"));

  ParentWatchdog(long parentPid, Runnable onParentGone) {
    this.parentPid = parentPid;
    this.onParentGone = onParentGone;
  }

  /**
   * Starts watching the parent named by {@value #PARENT_PID_PROPERTY}, if that property is set.
   *
   * @return true if a watchdog was started
   * @throws IllegalArgumentException if the property is not a process id
   */
  public static boolean startFromSystemProperty() {
    String pid = System.getProperty(PARENT_PID_PROPERTY);
    if (pid == null || pid.isBlank()) {
      return false;
    }
    long parsed;
    try {
      parsed = Long.parseLong(pid.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "-D" + PARENT_PID_PROPERTY + " must be a process id, was '" + pid + "'", e);
    }
    // Exiting the JVM directly: closing the context here first would let the JVM end on its own,
    // with code 0, as soon as Tomcat's last non-daemon thread is gone.
    new ParentWatchdog(parsed, () -> System.exit(EXIT_CODE_PARENT_GONE)).start();
    return true;
  }

  ParentWatchdog start() {
    scheduler.scheduleWithFixedDelay(this::checkParent, 1, 1, TimeUnit.SECONDS);
    LOG.info("Watching parent process {}: this target exits when it is gone", parentPid);
    return this;
  }

  private void checkParent() {
    boolean alive = ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false);
    if (!alive) {
      LOG.warn("Parent process {} is gone: exiting so that no orphan target is left", parentPid);
      scheduler.shutdown();
      onParentGone.run();
    }
  }

  /** Stops watching. */
  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
