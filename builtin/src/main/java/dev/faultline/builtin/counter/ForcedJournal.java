package dev.faultline.builtin.counter;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Correct: each increment is written and forced to the storage device ({@code fsync}) before {@link
 * #append} returns, so before the HTTP answer is sent. Whatever kills the process afterwards, an
 * acknowledged increment is in the file. Thread-safe: every method holds this object's monitor.
 *
 * <p>A {@link RandomAccessFile}, not a {@code FileChannel}: an interrupted request thread would
 * close an interruptible channel for every later request, and a durable counter must not stop
 * counting because one request was interrupted.
 */
final class ForcedJournal implements CounterJournal {

  private final Path file;
  private final RandomAccessFile out;

  private ForcedJournal(Path file, RandomAccessFile out) {
    this.file = file;
    this.out = out;
  }

  /** Opens {@code file} to append after what is in it (replay it first). */
  static ForcedJournal open(Path file) {
    try {
      RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw");
      out.seek(out.length());
      return new ForcedJournal(file, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the counter journal " + file, e);
    }
  }

  @Override
  public synchronized void append(String op) {
    try {
      out.write(JournalFile.line(op));
      out.getFD().sync();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the counter journal " + file, e);
    }
  }

  @Override
  public synchronized void truncate() {
    JournalFile.truncate(out, file);
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the counter journal " + file, e);
    }
  }
}
