package dev.faultline.builtin.counter;

/**
 * Where a durable counter writes each increment. When {@link #append} returns, the increment is
 * acknowledged; whether it is on disk by then is what tells the correct variant from its twin.
 * Implementations are thread-safe.
 */
interface CounterJournal extends AutoCloseable {

  /** No journal: a counter that lives in memory records nothing and recovers nothing. */
  CounterJournal NONE =
      new CounterJournal() {
        @Override
        public void append(String op) {}

        @Override
        public void truncate() {}

        @Override
        public void close() {}
      };

  /** Records one increment with its operation id (null or empty: none). */
  void append(String op);

  /** Forgets every increment: the file is emptied. */
  void truncate();

  /** Writes whatever is still pending and closes the file (a graceful stop loses nothing). */
  @Override
  void close();
}
