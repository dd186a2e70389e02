package dev.faultline.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.management.MBeanServerConnection;
import jdk.management.jfr.RemoteRecordingStream;

/**
 * A JDK Flight Recorder recording of one target JVM, streamed to the harness over the JMX
 * connection it already has ({@link RemoteRecordingStream}): nothing to add to the target's command
 * line, and the same path for a JVM Faultline started and one it attached to. The events the
 * harness sees live feed {@link #live()} (the game day's contended lock); {@link #saveTo} writes
 * the whole recording as a {@code .jfr} file JDK Mission Control opens. Thread-safe.
 */
public final class TargetRecording implements AutoCloseable {

  private static final Duration SAVE_BOUND = Duration.ofSeconds(30);

  private final String target;
  private final RemoteRecordingStream stream;
  private final LiveContention live = new LiveContention();

  private TargetRecording(String target, RemoteRecordingStream stream) {
    this.target = target;
    this.stream = stream;
  }

  /**
   * Starts recording the JVM behind {@code mbeans} with {@link ProfileSettings}; throws {@link
   * ProfileException} saying why it cannot (e.g. a JVM without JFR).
   */
  public static TargetRecording start(String target, MBeanServerConnection mbeans) {
    RemoteRecordingStream stream;
    try {
      stream = new RemoteRecordingStream(mbeans);
    } catch (IOException | RuntimeException e) {
      throw new ProfileException(
          "cannot record target " + target + " with JDK Flight Recorder over JMX: " + e, e);
    }
    TargetRecording r = new TargetRecording(target, stream);
    try {
      stream.setSettings(ProfileSettings.settings());
      stream.onEvent("jdk.JavaMonitorEnter", r.live::monitorEntered);
      stream.onEvent("jdk.ThreadPark", r.live::parked);
      stream.startAsync();
      return r;
    } catch (RuntimeException e) {
      r.close();
      throw new ProfileException(
          "cannot start the JDK Flight Recorder recording of target " + target + ": " + e, e);
    }
  }

  public String target() {
    return target;
  }

  /** The contended locks seen live, for the game day. */
  public LiveContention live() {
    return live;
  }

  /**
   * Writes what was recorded so far to {@code file}, in the background (it waits for the target's
   * next chunk, about a second); the future completes with the file or fails with {@link
   * ProfileException}.
   */
  public CompletableFuture<Path> saveTo(Path file) {
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                stream.dump(file);
                if (!Files.isRegularFile(file)) {
                  throw new ProfileException(
                      "the recording of target "
                          + target
                          + " could not be saved: its JVM went away during the run (killed, or"
                          + " restarted as a new JVM), and what it had recorded with it");
                }
                return file;
              } catch (ProfileException e) {
                throw e;
              } catch (IOException | RuntimeException e) {
                throw new ProfileException(
                    "cannot save the recording of target " + target + " to " + file + ": " + e, e);
              }
            },
            r -> daemon(r, "faultline-jfr-save-" + target).start())
        .orTimeout(SAVE_BOUND.toSeconds(), TimeUnit.SECONDS);
  }

  /** Waits for {@link #saveTo}'s future, bounded, turning its failure into a sentence. */
  public static Path await(CompletableFuture<Path> saving) {
    try {
      return saving.get(SAVE_BOUND.toSeconds() + 1, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof ProfileException p
          ? p
          : new ProfileException("the recording was not saved: " + cause, cause);
    } catch (TimeoutException e) {
      throw new ProfileException(
          "the recording was not saved within " + SAVE_BOUND.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProfileException("interrupted while saving the recording", e);
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Stops the recording in the target and deletes the harness's local copy of its chunks. */
  @Override
  public void close() {
    try {
      stream.close();
    } catch (RuntimeException ignored) {
      // The target may be gone (killed, stopped): its recording went with it.
    }
  }
}
