package dev.faultline.load;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads the outcomes file as the fork appends to it: only complete lines, from where it stopped.
 * Keeps every outcome read, the counts, and recent end times for the rate. Not thread-safe: the
 * owning {@link LoadRun} serialises calls.
 */
final class OutcomeTail {

  private static final long RATE_WINDOW_END_LAG_MILLIS = 1_000;
  private static final long RATE_WINDOW_MILLIS = 2_000;
  private static final long KEEP_END_TIMES_MILLIS = 10_000;

  private final Path file;
  private final Clock clock;
  private final List<RequestOutcome> outcomes = new ArrayList<>();
  private final Deque<Long> recentEndMillis = new ArrayDeque<>();
  private final long[] counts = new long[Outcome.values().length];
  private long offset;

  OutcomeTail(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
  }

  /** Reads what was appended since the last call. */
  void poll() {
    if (!Files.exists(file)) {
      return;
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      if (length <= offset) {
        return;
      }
      byte[] bytes = new byte[Math.toIntExact(length - offset)];
      in.seek(offset);
      in.readFully(bytes);
      int lastNewline = lastIndexOf(bytes, (byte) '\n');
      if (lastNewline < 0) {
        return;
      }
      String complete = new String(bytes, 0, lastNewline + 1, StandardCharsets.UTF_8);
      offset += lastNewline + 1;
      complete.lines().filter(l -> !l.isBlank()).forEach(this::add);
    } catch (IOException e) {
      throw new LoadException("cannot read the outcomes file " + file + ": " + e.getMessage(), e);
    }
  }

  private void add(String line) {
    RequestOutcome outcome;
    try {
      outcome = ForkFiles.JSON.readValue(line, RequestOutcome.class);
    } catch (IOException e) {
      throw new LoadException(
          "malformed line in the outcomes file " + file + " at byte " + offset + ": " + line, e);
    }
    outcomes.add(outcome);
    counts[outcome.outcome().ordinal()]++;
    recentEndMillis.addLast(outcome.endMillis());
    long keepAfter = clock.millis() - KEEP_END_TIMES_MILLIS;
    while (!recentEndMillis.isEmpty() && recentEndMillis.peekFirst() < keepAfter) {
      recentEndMillis.removeFirst();
    }
  }

  LoadProgress progress(Duration elapsed) {
    long windowEnd = clock.millis() - RATE_WINDOW_END_LAG_MILLIS;
    long windowStart = windowEnd - RATE_WINDOW_MILLIS;
    long recent = recentEndMillis.stream().filter(t -> t > windowStart && t <= windowEnd).count();
    return new LoadProgress(
        outcomes.size(),
        counts[Outcome.OK.ordinal()],
        counts[Outcome.FAILED.ordinal()],
        counts[Outcome.INDETERMINATE.ordinal()],
        recent * 1000.0 / RATE_WINDOW_MILLIS,
        elapsed);
  }

  List<RequestOutcome> outcomes() {
    return List.copyOf(outcomes);
  }

  private static int lastIndexOf(byte[] bytes, byte b) {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
