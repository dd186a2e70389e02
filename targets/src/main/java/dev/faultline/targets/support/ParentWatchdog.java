package dev.faultline.targets.support;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Exits this JVM when the process named by the system property {@code faultline.parent-pid} is
 * gone, so that a crashed harness leaves no orphan target behind. Checks about once a second on a
 * single daemon thread.
 *
 * <p>The exit code is {@value #EXIT_CODE_PARENT_GONE}, so that a log reader can tell this exit
 * from a crash.
 *
 * <p>Thread-safe: the application context is handed over from the main thread through a volatile
 * field.
 */
public final class ParentWatchdog {

  /** The system property that names the parent process id. */
  public static final String PARENT_PID_PROPERTY = "faultline.parent-pid";

  private static final Logger LOG = LoggerFactory.getLogger(ParentWatchdog.class);
  /** The JVM exit code when the parent is gone. */
  public static final int EXIT_CODE_PARENT_GONE = 3;

  private final long parentPid;
  private volatile ConfigurableApplicationContext context;

  private ParentWatchdog(long parentPid) {
    this.parentPid = parentPid;
  }

  /**
   * Starts watching the parent named by {@value #PARENT_PID_PROPERTY}, if that property is set.
   *
   * @return the running watchdog, or one that does nothing when the property is absent
   * @throws IllegalArgumentException if the property is not a process id
   */
  public static ParentWatchdog fromSystemProperty() {
    String pid = System.getProperty(PARENT_PID_PROPERTY);
    if (pid == null || pid.isBlank()) {
      return new ParentWatchdog(-1);
    }
    long parsed;
    try {
      parsed = Long.parseLong(pid.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "-D" + PARENT_PID_PROPERTY + " must be a process id, was '" + pid + "'", e);
    }
    ParentWatchdog watchdog = new ParentWatchdog(parsed);
    watchdog.start();
    return watchdog;
  }

  /** Hands over the started context, so that the exit closes it gracefully first. */
  public void applicationContext(ConfigurableApplicationContext context) {
    this.context = context;
  }

  private void start() {
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("faultline-watchdog"));
    scheduler.scheduleWithFixedDelay(this::checkParent, 1, 1, TimeUnit.SECONDS);
    LOG.info("Watching parent process {}: this target exits when it is gone", parentPid);
  }

  private void checkParent() {
    Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
    if (parent.map(ProcessHandle::isAlive).orElse(false)) {
      return;
    }
    LOG.warn("Parent process {} is gone: exiting so that no orphan target is left", parentPid);
    ConfigurableApplicationContext current = context;
    if (current != null) {
      SpringApplication.exit(current); // graceful close first: listeners, pools, Tomcat
    }
    System.exit(EXIT_CODE_PARENT_GONE);
  }
}
