package dev.faultline.builtin.counter;

import dev.faultline.builtin.support.SimulatedWork;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A counter that keeps its state on disk: like {@link LockedCounter}, one ReentrantLock is held
 * across read, work and write, and the journal append happens under it too, so the journal's order
 * is the order of the values. The value starts from the journal's replay. Whether an acknowledged
 * increment survives a SIGKILL depends on the journal: {@link ForcedJournal} (variant {@code
 * durable}) or the buggy {@link GroupCommitJournal} ({@code durable-lazy}). Thread-safe.
 */
final class DurableCounter implements Counter, AutoCloseable {

  private final ReentrantLock lock = new ReentrantLock();
  private final SimulatedWork work;
  private final CounterJournal journal;
  private final JournalReplay replayed;
  private long value; // guarded by lock

  DurableCounter(SimulatedWork work, CounterJournal journal, JournalReplay replayed) {
    this.work = work;
    this.journal = journal;
    this.replayed = replayed;
    this.value = replayed.increments();
  }

  @Override
  public long increment(String op) {
    lock.lock();
    try {
      long read = value;
      work.run();
      // Before the write to memory: an increment the journal refused is not applied at all.
      journal.append(op);
      value = read + 1;
      return value;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public long value() {
    lock.lock();
    try {
      return value;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void reset() {
    lock.lock();
    try {
      journal.truncate();
      value = 0;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public JournalReplay replayed() {
    return replayed;
  }

  /** Called by Spring when the context closes; a SIGKILL skips it, which is the point. */
  @Override
  public void close() {
    journal.close();
  }
}
