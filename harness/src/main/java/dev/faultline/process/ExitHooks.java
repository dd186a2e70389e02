package dev.faultline.process;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The harness's side of a JVM shutdown (Ctrl-C, SIGTERM, {@code System.exit}), usable from the
 * first instruction of {@code main} to the last. {@link #install()}, called first in main,
 * registers every shutdown hook Faultline needs before any signal can arrive, so none is ever added
 * during shutdown (which the JVM refuses with {@code IllegalStateException}).
 *
 * <p>Work that must finish before the JVM halts — a run writing its report — is an {@link
 * Activity}: on a signal its listener is told (it aborts the run) and the hook then waits, at most
 * {@value #DRAIN_SECONDS} s, until every activity has ended. Thread-safe.
 */
public final class ExitHooks {

  static final int DRAIN_SECONDS = 40;

  private static final List<Activity> ACTIVE = new CopyOnWriteArrayList<>();
  private static final AtomicInteger OPEN = new AtomicInteger();
  private static volatile boolean shuttingDown;
  private static boolean installed;

  private ExitHooks() {}

  /**
   * Registers the hooks: the drain below, the child reaper and the SIGCONT of paused processes.
   * Idempotent; harmless during shutdown (it then only records that shutdown has begun).
   */
  public static synchronized void install() {
    if (installed) {
      return;
    }
    installed = true;
    addQuietly(new Thread(ExitHooks::drain, "faultline-abort-on-signal"));
    // Their static initializers register their own hooks: do it now, not when a signal may be
    // arriving.
    ChildProcesses.alive();
    StoppedProcesses.stopped();
  }

  /** Whether the JVM has begun to shut down, as far as Faultline has seen. */
  public static boolean shuttingDown() {
    return shuttingDown;
  }

  /**
   * Adds a JVM shutdown hook; returns false (and notes that shutdown has begun) if the JVM is
   * already shutting down and refuses it.
   */
  public static boolean addQuietly(Thread hook) {
    try {
      Runtime.getRuntime().addShutdownHook(hook);
      return true;
    } catch (IllegalStateException alreadyShuttingDown) {
      shuttingDown = true;
      return false;
    }
  }

  /** Removes a hook added with {@link #addQuietly}; during shutdown it is running and stays. */
  public static void removeQuietly(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyShuttingDown) {
      shuttingDown = true;
    }
  }

  /**
   * Begins work the JVM must let finish on a signal; {@code onSignal} is told of the signal (at
   * once, on the calling thread, if shutdown has already begun). Close the activity when done.
   */
  public static Activity begin(String name, Runnable onSignal) {
    install();
    Activity a = new Activity(name, onSignal);
    OPEN.incrementAndGet();
    ACTIVE.add(a);
    if (shuttingDown) {
      a.signal();
    }
    return a;
  }

  private static void drain() {
    shuttingDown = true;
    ACTIVE.forEach(Activity::signal);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_SECONDS);
    synchronized (OPEN) {
      while (OPEN.get() > 0 && System.nanoTime() < deadline) {
        try {
          OPEN.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    if (OPEN.get() > 0) {
      System.err.println(
          "faultline: "
              + ACTIVE.stream().map(a -> a.name).toList()
              + " still running "
              + Duration.ofSeconds(DRAIN_SECONDS).toSeconds()
              + " s after the signal; exiting without waiting longer");
    }
  }

  /** Work in progress that a signal must let finish (bounded). Close it exactly when done. */
  public static final class Activity implements AutoCloseable {
    private final String name;
    private final Runnable onSignal;
    private boolean signalled;
    private boolean closed;

    private Activity(String name, Runnable onSignal) {
      this.name = name;
      this.onSignal = onSignal;
    }

    private void signal() {
      synchronized (this) {
        if (signalled || closed) {
          return;
        }
        signalled = true;
      }
      try {
        onSignal.run();
      } catch (RuntimeException e) {
        System.err.println("faultline: " + name + " could not be told of the signal: " + e);
      }
    }

    @Override
    public void close() {
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
      }
      ACTIVE.remove(this);
      synchronized (OPEN) {
        OPEN.decrementAndGet();
        OPEN.notifyAll();
      }
    }
  }
}
