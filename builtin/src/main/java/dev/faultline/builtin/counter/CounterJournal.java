package dev.faultline.builtin.counter;

/**
 * Where a durable counter writes each increment. When {@link #append} returns, the increment is
 * acknowledged; whether it is on disk by then is what tells the correct variant from its twin.
 * Implementations are thread-safe.
 */
interface CounterJournal extends AutoCloseable {

  /** Records one increment with its operation id (null or empty: none). */
  void append(String op);

  /** Forgets every increment: the file is emptied. */
  void truncate();

  /** Writes whatever is still pending and closes the file (a graceful stop loses nothing). */
  @Override
  void close();
}
