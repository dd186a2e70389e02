package dev.faultline.builtin.counter;

import dev.faultline.builtin.support.SimulatedWork;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Correct: one ReentrantLock held across read, work and write. The variants {@code locked} (in
 * memory, {@link CounterJournal#NONE}) and {@code durable}/{@code durable-lazy} share it: a durable
 * counter appends to its journal under the same lock, so the journal's order is the order of the
 * values, and starts from the journal's replay. Whether an acknowledged increment survives a
 * SIGKILL depends on the journal: {@link ForcedJournal} ({@code durable}) or the buggy {@link
 * GroupCommitJournal} ({@code durable-lazy}). Thread-safe.
 */
final class LockedCounter implements Counter, AutoCloseable {

  private final ReentrantLock lock = new ReentrantLock();
  private final SimulatedWork work;
  private final CounterJournal journal;
  private final JournalReplay replayed;
  private long value; // guarded by lock

  /** A counter that lives in memory. */
  LockedCounter(SimulatedWork work) {
    this(work, CounterJournal.NONE, JournalReplay.NOTHING);
  }

  /** A counter that keeps its state in {@code journal}, starting from what it replayed. */
  LockedCounter(SimulatedWork work, CounterJournal journal, JournalReplay replayed) {
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
