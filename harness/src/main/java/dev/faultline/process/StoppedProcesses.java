package dev.faultline.process;

import dev.faultline.InfrastructureException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Processes Faultline has paused with SIGSTOP, and the only way it pauses or resumes one. A JVM
 * shutdown hook sends SIGCONT to every process still registered, so no exit path the JVM can
 * observe — a failed run, an exception escaping main, Ctrl-C — leaves a process stopped; for the
 * one it cannot (SIGKILL of the harness), the {@link ExitGuardian} resumes and stops it.
 *
 * <p>Java has no API for SIGSTOP and SIGCONT; they go through {@code /bin/kill}. Thread-safe.
 */
public final class StoppedProcesses {

  private static final long SIGNAL_BOUND_MILLIS = 5_000;
  private static final Map<Long, String> STOPPED = new ConcurrentHashMap<>();

  static {
    // Installed by ExitHooks.install() first thing in main; false only if first used during
    // shutdown,
    // when nothing can have been registered before and the caller does the work itself.
    ExitHooks.addQuietly(new Thread(StoppedProcesses::resumeAll, "faultline-sigcont-on-exit"));
  }

  private StoppedProcesses() {}

  /**
   * Sends SIGSTOP to {@code pid} and remembers it under {@code name} (used in messages). The
   * registration comes first, so a crash between the two still resumes it.
   */
  public static void stop(long pid, String name) {
    // The guardian resumes it should the harness be killed with SIGKILL, which runs no hook.
    ExitGuardian.watch(pid);
    STOPPED.put(pid, name);
    try {
      signal("-STOP", pid);
    } catch (RuntimeException e) {
      STOPPED.remove(pid);
      throw e;
    }
  }

  /** Sends SIGCONT to {@code pid} if Faultline stopped it; true if it did. Idempotent. */
  public static boolean resume(long pid) {
    if (!STOPPED.containsKey(pid)) {
      return false;
    }
    try {
      if (alive(pid)) {
        signal("-CONT", pid);
      }
    } catch (InfrastructureException e) {
      if (alive(pid)) {
        throw e;
      }
      // It died between the check and the signal: nothing is left stopped.
    }
    STOPPED.remove(pid);
    return true;
  }

  /** Resumes every process still stopped; the shutdown hook calls this. Never throws. */
  public static void resumeAll() {
    for (Long pid : STOPPED.keySet()) {
      try {
        resume(pid);
      } catch (RuntimeException e) {
        System.err.println(
            "faultline: could not resume process "
                + pid
                + " ("
                + STOPPED.get(pid)
                + "): "
                + e.getMessage()
                + "; resume it by hand: kill -CONT "
                + pid);
      }
    }
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** The PIDs Faultline has stopped and not yet resumed, with their names. */
  public static Map<Long, String> stopped() {
    return new TreeMap<>(STOPPED);
  }

  /**
   * The scheduler state of a process as Linux reports it in {@code /proc/<pid>/stat} ({@code R},
   * {@code S}, {@code T} for stopped, ...), or empty if it is gone or not on Linux.
   */
  public static Optional<Character> state(long pid) {
    try {
      String stat =
          Files.readString(
              Path.of("/proc", String.valueOf(pid), "stat"), StandardCharsets.US_ASCII);
      // The command name (field 2) is in parentheses and may contain spaces; the state follows the
      // last ')'.
      int close = stat.lastIndexOf(')');
      return close < 0 || close + 2 >= stat.length()
          ? Optional.empty()
          : Optional.of(stat.charAt(close + 2));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** True while the process is stopped by a signal (state {@code T}). */
  public static boolean isStopped(long pid) {
    return state(pid).map(s -> s == 'T').orElse(false);
  }

  private static void signal(String signal, long pid) {
    Process kill;
    try {
      kill =
          new ProcessBuilder("/bin/kill", signal, String.valueOf(pid))
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      throw new InfrastructureException(
          "cannot run /bin/kill " + signal + " " + pid + ": " + e.getMessage(), e);
    }
    if (!awaitUninterruptibly(kill)) {
      kill.destroyForcibly();
      throw new InfrastructureException(
          "/bin/kill "
              + signal
              + " "
              + pid
              + " did not return within "
              + SIGNAL_BOUND_MILLIS
              + " ms");
    }
    if (kill.exitValue() != 0) {
      String out;
      try {
        out = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      } catch (IOException e) {
        out = e.getMessage();
      }
      throw new InfrastructureException(
          "/bin/kill " + signal + " " + pid + " failed (exit " + kill.exitValue() + "): " + out);
    }
  }

  /**
   * A resume must not be skipped because the thread asking for it was interrupted (an abort does
   * that).
   */
  private static boolean awaitUninterruptibly(Process p) {
    boolean interrupted = false;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SIGNAL_BOUND_MILLIS);
    try {
      while (true) {
        try {
          return p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
