package dev.faultline.load;

import dev.faultline.process.ExitHooks;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Appends outcomes to the outcomes file in the fork, one JSON line each, through a buffered writer
 * behind a lock; flushed about once a second (so the harness can tail it), on close and on JVM
 * shutdown (so SIGTERM keeps what was recorded). Thread-safe.
 *
 * <p>It also knows which requests are in flight: when it closes (end of the simulation, Gatling's
 * {@code maxDuration}, SIGTERM) each of them is recorded INDETERMINATE, so that every operation id
 * the target may have seen has a line. Only a SIGKILL of the fork loses them.
 */
final class OutcomeRecorder implements AutoCloseable {

  private final BufferedWriter out;
  private final ScheduledExecutorService flusher;
  private final Thread shutdownFlush;
  private final Map<String, InFlight> inFlight = new HashMap<>();
  private final Path firstRequest;
  private boolean closed;
  private boolean anyStarted;

  private record InFlight(String step, long startMillis, long startNanos) {}

  OutcomeRecorder(Path file) {
    firstRequest = ForkFiles.firstRequestBeside(file);
    try {
      out =
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the outcomes file " + file, e);
    }
    flusher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "faultline-outcome-flusher");
              t.setDaemon(true);
              return t;
            });
    flusher.scheduleWithFixedDelay(this::flush, 1, 1, TimeUnit.SECONDS);
    shutdownFlush = new Thread(this::close, "faultline-outcome-final-flush");
    ExitHooks.addQuietly(shutdownFlush);
  }

  /**
   * Notes that a request is about to be handed to Gatling; false once closed, when the request must
   * not be sent because its outcome could no longer be recorded.
   */
  synchronized boolean started(String step, String opId, long startMillis, long startNanos) {
    if (closed) {
      return false;
    }
    inFlight.put(opId, new InFlight(step, startMillis, startNanos));
    if (!anyStarted) {
      anyStarted = true;
      noteFirstRequest(startMillis);
    }
    return true;
  }

  private void noteFirstRequest(long startMillis) {
    // if it cannot, the harness falls back to the first recorded outcome: later, but still right
    ForkFiles.writeStamp(firstRequest, startMillis);
  }

  /**
   * Records a finished request, unless closing already recorded it INDETERMINATE (which stays: each
   * operation id has exactly one line).
   */
  void append(RequestOutcome outcome) {
    String line = toJson(outcome);
    synchronized (this) {
      if (inFlight.remove(outcome.opId()) != null) {
        writeLine(line);
      }
    }
  }

  private static String toJson(RequestOutcome outcome) {
    return OutcomeLine.of(outcome);
  }

  private void writeLine(String line) {
    try {
      out.write(line);
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the outcomes file", e);
    }
  }

  synchronized void flush() {
    if (closed) {
      return;
    }
    try {
      out.flush();
    } catch (IOException e) {
      System.err.println("faultline: cannot flush the outcomes file: " + e);
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      recordInFlightAsIndeterminate();
      closed = true;
      try {
        out.close();
      } catch (IOException e) {
        System.err.println("faultline: cannot close the outcomes file: " + e);
      }
    }
    flusher.shutdownNow();
    // During shutdown close() is running from the hook itself.
    ExitHooks.removeQuietly(shutdownFlush);
  }

  private void recordInFlightAsIndeterminate() {
    long nowNanos = System.nanoTime();
    inFlight.forEach(
        (op, f) ->
            writeLine(
                toJson(
                    new RequestOutcome(
                        f.step(),
                        op,
                        f.startMillis(),
                        (nowNanos - f.startNanos()) / 1_000,
                        0,
                        Outcome.INDETERMINATE,
                        IN_FLIGHT_AT_STOP))));
    inFlight.clear();
  }

  static final String IN_FLIGHT_AT_STOP =
      "in flight when the load stopped (end of the run, maxDuration or abort)";
}
