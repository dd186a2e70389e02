package dev.faultline.builtin.config;

import dev.faultline.builtin.support.SimulatedWork;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Keys {@code a..d}, all set to the version by each write, guarded by a ReentrantReadWriteLock. The
 * correct store holds the write lock across the whole update; the torn twin takes it per key and
 * works between keys, so a reader can slip in between. Thread-safe in the sense that no data race
 * exists in either variant: the twin's bug is atomicity, not memory visibility.
 */
final class ConfigStore {

  static final List<String> KEYS = List.of("a", "b", "c", "d");

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, Long> values = new LinkedHashMap<>(); // guarded by lock
  private final boolean atomicWrites;
  private final SimulatedWork workBetweenKeys;
  private long version; // guarded by lock

  ConfigStore(boolean atomicWrites, SimulatedWork workBetweenKeys) {
    this.atomicWrites = atomicWrites;
    this.workBetweenKeys = workBetweenKeys;
    KEYS.forEach(k -> values.put(k, 0L));
  }

  ConfigSnapshot read() {
    lock.readLock().lock();
    try {
      return ConfigSnapshot.of(version, values);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Writes a new version to every key and returns it. */
  long write() {
    return atomicWrites ? writeAtomically() : writeKeyByKey();
  }

  private long writeAtomically() {
    lock.writeLock().lock();
    try {
      long next = ++version;
      for (String key : KEYS) {
        values.put(key, next);
        workBetweenKeys.run(); // same work as the twin, but nobody can read in between
      }
      return next;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** BUGGY TWIN, on purpose: every step is locked, the sequence is not. */
  private long writeKeyByKey() {
    long next;
    lock.writeLock().lock();
    try {
      next = ++version;
    } finally {
      lock.writeLock().unlock();
    }
    for (String key : KEYS) {
      lock.writeLock().lock();
      try {
        values.put(key, next);
      } finally {
        lock.writeLock().unlock();
      }
      workBetweenKeys.run(); // a reader arriving now sees some keys at next, some at next - 1
    }
    return next;
  }
}
