package dev.faultline.process;

import java.util.concurrent.TimeUnit;

/**
 * A stand-in harness for {@link ExitGuardianTest}, run as its own JVM: starts two children the way
 * Faultline does — one paused with SIGSTOP, one that ignores SIGTERM (a user's service with no
 * watchdog) — prints their PIDs and waits to be killed.
 */
public final class GuardedHarnessMain {

  private GuardedHarnessMain() {}

  public static void main(String[] args) throws Exception {
    ExitHooks.install();
    Process paused =
        ChildProcesses.register("paused child", new ProcessBuilder("sleep", "600").start());
    Process stubborn =
        ChildProcesses.register(
            "stubborn child",
            new ProcessBuilder("sh", "-c", "trap '' TERM INT; sleep 600 & wait; wait").start());
    StoppedProcesses.stop(paused.pid(), "paused child");
    System.out.println(
        "pids "
            + paused.pid()
            + " "
            + stubborn.pid()
            + " guardian "
            + ExitGuardian.pid().orElse(-1));
    System.out.flush();
    TimeUnit.MINUTES.sleep(10);
  }
}
