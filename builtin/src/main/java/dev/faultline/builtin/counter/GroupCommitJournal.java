package dev.faultline.builtin.counter;

import dev.faultline.builtin.support.NamedThreadFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BUGGY TWIN, on purpose: a "group commit" that answers before it commits. {@link #append} only
 * adds the line to the group being filled in memory and returns, so the increment is acknowledged
 * at once. A committer thread ({@code counter-committer-1}) ticks every flush interval: it writes
 * and forces the group closed at the previous tick, then closes the group being filled — a pipeline
 * that hides the write's latency. At any moment the last one to two intervals of acknowledged
 * increments exist only in this JVM's memory, so a SIGKILL always loses some of them (a twin whose
 * bug showed only when the kill happened to land before a flush would be a flaky control). A
 * graceful stop ({@link #close}) writes everything and loses nothing.
 *
 * <p>Thread-safe: the groups and the file are guarded by this object's monitor.
 */
final class GroupCommitJournal implements CounterJournal {

  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitJournal.class);

  private final Path file;
  private final RandomAccessFile out;
  private final ScheduledExecutorService committer; // null when ticked by hand (tests)
  private ByteArrayOutputStream filling = new ByteArrayOutputStream(); // guarded by this
  private ByteArrayOutputStream closedGroup = new ByteArrayOutputStream(); // guarded by this

  private GroupCommitJournal(Path file, RandomAccessFile out, ScheduledExecutorService committer) {
    this.file = file;
    this.out = out;
    this.committer = committer;
  }

  /** Opens {@code file} (replay it first) and starts committing every {@code interval}. */
  static GroupCommitJournal start(Path file, Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("flush interval must be > 0, was " + interval);
    }
    ScheduledExecutorService committer =
        Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("counter-committer"));
    GroupCommitJournal journal = new GroupCommitJournal(file, open(file), committer);
    long nanos = interval.toNanos();
    committer.scheduleAtFixedRate(journal::tickOrWarn, nanos, nanos, TimeUnit.NANOSECONDS);
    return journal;
  }

  /** Opens {@code file} without a committer thread: only {@link #tick()} commits (for tests). */
  static GroupCommitJournal ticking(Path file) {
    return new GroupCommitJournal(file, open(file), null);
  }

  private static RandomAccessFile open(Path file) {
    try {
      RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw");
      out.seek(out.length());
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the counter journal " + file, e);
    }
  }

  @Override
  public synchronized void append(String op) {
    filling.writeBytes(JournalFile.line(op));
  }

  /** Commits the group closed at the previous tick, then closes the group being filled. */
  synchronized void tick() {
    write(closedGroup);
    closedGroup = filling;
    filling = new ByteArrayOutputStream();
  }

  /**
   * A periodic task that throws is never run again: a failed commit is logged, the next one tried.
   */
  private void tickOrWarn() {
    try {
      tick();
    } catch (RuntimeException e) {
      LOG.warn("Group commit to {} failed: {}", file, e.toString());
    }
  }

  private void write(ByteArrayOutputStream group) {
    if (group.size() == 0) {
      return;
    }
    try {
      out.write(group.toByteArray());
      out.getFD().sync();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the counter journal " + file, e);
    }
  }

  @Override
  public synchronized void truncate() {
    filling.reset();
    closedGroup.reset();
    JournalFile.truncate(out, file);
  }

  @Override
  public void close() {
    if (committer != null) {
      // shutdown, not shutdownNow: the tick under way finishes its write; later ones are cancelled.
      committer.shutdown();
    }
    synchronized (this) {
      write(closedGroup);
      write(filling);
      closedGroup.reset();
      filling.reset();
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close the counter journal " + file, e);
      }
    }
  }
}
