package dev.faultline.load;

import io.gatling.app.Gatling;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Main class of the forked Gatling JVM (not API). Before handing over to {@code Gatling.main}, it
 *
 * <ul>
 *   <li>seeds Gatling's version-check cache: Gatling 3.15 has no switch for its check of the latest
 *       release on Maven Central, but skips it while the Java preference node {@code
 *       /io/gatling/latestVersion} holds a recent check ({@code lastCheckTimestamp}, {@code
 *       lastCheckSuccess}); the harness makes the fork's preferences live in memory ({@link
 *       InMemoryPreferencesFactory}), so neither the user's own preferences nor the run folder are
 *       touched;
 *   <li>watches the harness process and halts when it is gone, so that even a SIGKILLed harness
 *       (whose shutdown hooks never run) leaves no load running.
 * </ul>
 */
public final class GatlingForkMain {

  private GatlingForkMain() {}

  /** How long a fork started ahead of its plan waits for it. */
  private static final long PLAN_WAIT_SECONDS = 600;

  public static void main(String[] args) throws Exception {
    watchParent();
    seedVersionCheck();
    Gatling.main(args);
  }

  /**
   * Blocks until the harness writes the plan (atomically), bounded; watches the folder, never
   * sleeps.
   */
  static void awaitPlan(Path plan) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PLAN_WAIT_SECONDS);
    try (WatchService watch = plan.getFileSystem().newWatchService()) {
      plan.getParent()
          .register(
              watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
      while (!Files.exists(plan)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          System.err.println(
              "faultline: no load plan arrived within " + PLAN_WAIT_SECONDS + " s; stopping");
          System.exit(4);
        }
        WatchKey key = watch.poll(Math.min(left, 500_000_000L), TimeUnit.NANOSECONDS);
        if (key != null) {
          key.pollEvents();
          key.reset();
        }
      }
    }
  }

  private static void seedVersionCheck() {
    Preferences node = Preferences.userRoot().node("/io/gatling/latestVersion");
    node.putLong("lastCheckTimestamp", System.currentTimeMillis());
    node.putBoolean("lastCheckSuccess", false);
    try {
      node.flush();
    } catch (BackingStoreException e) {
      System.err.println(
          "faultline: could not store Gatling's version-check cache, Gatling may query Maven Central: "
              + e);
    }
  }

  private static void watchParent() {
    String parent = System.getProperty(ForkFiles.PARENT_PID_PROPERTY);
    if (parent == null) {
      return;
    }
    ProcessHandle.of(Long.parseLong(parent))
        .ifPresentOrElse(
            handle -> handle.onExit().thenRun(GatlingForkMain::parentGone),
            GatlingForkMain::parentGone);
  }

  private static void parentGone() {
    System.err.println("faultline: the harness process is gone, stopping the load");
    System.exit(3);
  }
}
