package dev.faultline.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The registry of live child processes, with a JVM shutdown hook that stops every one still running
 * (and its descendants) when the harness exits for any reason the JVM can observe.
 *
 * <p>A SIGKILL of the harness cannot run hooks: every registered process is also reported to the
 * {@link ExitGuardian}, which outlives the harness and stops them (a paused one, or a {@code
 * command:} target, cannot or does not watch the harness itself); built-in targets and the Gatling
 * fork also watch the harness PID ({@code -Dfaultline.parent-pid}) and exit when it is gone.
 *
 * <p>Thread-safe.
 */
public final class ChildProcesses {

  private static final Duration GRACE = Duration.ofSeconds(10);
  private static final Map<Long, Registered> LIVE = new ConcurrentHashMap<>();

  /** Set once the reaper has run: a process registered after it is stopped at once. */
  private static boolean reaped;

  static {
    ExitHooks.addQuietly(new Thread(ChildProcesses::stopAll, "faultline-child-reaper"));
  }

  private record Registered(String name, Process process) {}

  private ChildProcesses() {}

  /**
   * Registers a started process under a name used in messages and tells the {@link ExitGuardian}
   * about it; returns the same process. During shutdown (Ctrl-C while a child was starting) the
   * process is stopped at once and {@link ShuttingDownException} thrown: nothing would stop it
   * later.
   */
  public static Process register(String name, Process process) {
    ExitGuardian.watch(process.pid());
    boolean late;
    synchronized (LIVE) {
      late = reaped || ExitHooks.shuttingDown();
      if (!late) {
        LIVE.put(process.pid(), new Registered(name, process));
      }
    }
    if (late) {
      stop(process, GRACE);
      throw new ShuttingDownException(
          name + " was started while Faultline was shutting down; it was stopped at once");
    }
    process.onExit().thenRun(() -> LIVE.remove(process.pid()));
    return process;
  }

  /** The names and PIDs of registered processes still alive. */
  public static Map<Long, String> alive() {
    Map<Long, String> alive = new TreeMap<>();
    LIVE.forEach(
        (pid, r) -> {
          if (r.process().isAlive()) {
            alive.put(pid, r.name());
          }
        });
    return alive;
  }

  /**
   * Stops a process and its descendants: SIGTERM, then SIGKILL after {@code grace}. Blocks until
   * the process is gone (bounded by twice the grace). Returns true if it had to be killed.
   */
  public static boolean stop(Process process, Duration grace) {
    List<ProcessHandle> family = new ArrayList<>();
    process.descendants().forEach(family::add);
    boolean forced = false;
    // A stopped process would hold SIGTERM pending for the whole grace: let it run first.
    resumeQuietly(process.pid());
    family.forEach(child -> resumeQuietly(child.pid()));
    if (process.isAlive()) {
      process.destroy();
      family.forEach(ProcessHandle::destroy);
      try {
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
          forced = true;
          process.destroyForcibly();
          process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    for (ProcessHandle child : family) {
      if (child.isAlive()) {
        child.destroyForcibly();
      }
    }
    LIVE.remove(process.pid());
    return forced;
  }

  private static void resumeQuietly(long pid) {
    try {
      StoppedProcesses.resume(pid);
    } catch (RuntimeException e) {
      // SIGKILL below ends a stopped process too; a failed SIGCONT must not skip it.
      System.err.println("faultline: " + e.getMessage());
    }
  }

  /** Stops every registered process; the shutdown hook calls this. */
  public static void stopAll() {
    List<Registered> all;
    synchronized (LIVE) {
      reaped = true;
      all = new ArrayList<>(LIVE.values());
    }
    all.forEach(r -> r.process().destroy());
    all.forEach(r -> stop(r.process(), GRACE));
  }
}
