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

/**
 * A JDK Flight Recorder recording of one target JVM, over the JMX connection the harness already
 * has: nothing to add to the target's command line, and the same path for a JVM Faultline started
 * and one it attached to. A scheduled run's recording stays in the target until {@link #saveTo}
 * (cheapest); a game day's streams live ({@code live}), feeding {@link #live()} (the room's
 * contended lock). {@link #saveTo} writes the recording as a {@code .jfr} file JDK Mission Control
 * opens. Thread-safe.
 */
public final class TargetRecording implements AutoCloseable {

  private static final Duration SAVE_BOUND = Duration.ofSeconds(30);

  private final String target;
  private final RecordingChannel channel;
  private final LiveContention live;

  private TargetRecording(String target, RecordingChannel channel, LiveContention live) {
    this.target = target;
    this.channel = channel;
    this.live = live;
  }

  /**
   * Starts recording the JVM behind {@code mbeans} with {@link ProfileSettings}, streamed live when
   * {@code live}; throws {@link ProfileException} saying why it cannot (e.g. a JVM without JFR).
   */
  public static TargetRecording start(String target, MBeanServerConnection mbeans, boolean live) {
    LiveContention contention = new LiveContention();
    try {
      RecordingChannel channel =
          live ? StreamedRecording.start(mbeans, contention) : MBeanRecording.start(mbeans);
      return new TargetRecording(target, channel, contention);
    } catch (IOException | RuntimeException e) {
      throw new ProfileException(
          "cannot record target " + target + " with JDK Flight Recorder over JMX: " + e, e);
    }
  }

  public String target() {
    return target;
  }

  /** The contended locks seen live, for the game day; always empty unless streamed live. */
  public LiveContention live() {
    return live;
  }

  /**
   * Writes what was recorded so far to {@code file}, in the background; the future completes with
   * the file or fails with {@link ProfileException}.
   */
  public CompletableFuture<Path> saveTo(Path file) {
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                channel.saveTo(file);
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
                    "cannot save the recording of target "
                        + target
                        + " to "
                        + file
                        + " (if its JVM went away during the run, killed or restarted, what it"
                        + " had recorded went with it): "
                        + e,
                    e);
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

  /** Ends the recording in the target (and the harness's local copy of a streamed one). */
  @Override
  public void close() {
    channel.close();
  }
}
