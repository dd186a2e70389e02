package dev.faultline.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;

/**
 * The lock waits of one target as its recording streams them (about a second behind), kept for a
 * minute: which lock threads waited on most over the last seconds, and how many threads waited.
 * Thread-safe.
 */
public final class LiveContention {

  private static final Duration KEEP = Duration.ofMinutes(1);

  /** One recorded wait for a lock, ending at {@code end}. */
  private record Wait(Instant end, String lock, long thread, long nanos) {}

  /**
   * The most contended lock over a recent span.
   *
   * @param lock the lock's class
   * @param blocked the total time threads were blocked on it over the span
   * @param threads how many threads were blocked on it
   * @param blockedThreads how many threads were blocked on any lock over the span
   */
  public record Top(String lock, Duration blocked, int threads, int blockedThreads) {}

  private final Deque<Wait> waits = new ArrayDeque<>();

  void monitorEntered(RecordedEvent e) {
    if (e.getClass("monitorClass") != null) {
      add(e, e.getClass("monitorClass").getName());
    }
  }

  void parked(RecordedEvent e) {
    String blocker = e.getClass("parkedClass") == null ? null : e.getClass("parkedClass").getName();
    if (LockBlockers.isLock(blocker)) {
      add(e, LockBlockers.lockName(blocker));
    }
  }

  private void add(RecordedEvent e, String lock) {
    RecordedThread t = e.getThread();
    add(
        new Wait(
            e.getEndTime(), lock, t == null ? -1 : t.getJavaThreadId(), e.getDuration().toNanos()));
  }

  private synchronized void add(Wait w) {
    waits.addLast(w);
    while (!waits.isEmpty() && waits.peekFirst().end().isBefore(w.end().minus(KEEP))) {
      waits.removeFirst();
    }
  }

  /** The most contended lock among the waits that ended after {@code since}, if any. */
  public synchronized Optional<Top> top(Instant since) {
    Map<String, Long> nanos = new HashMap<>();
    Map<String, Set<Long>> threads = new HashMap<>();
    Set<Long> all = new HashSet<>();
    for (Wait w : waits) {
      if (w.end().isAfter(since)) {
        nanos.merge(w.lock(), w.nanos(), Long::sum);
        threads.computeIfAbsent(w.lock(), k -> new HashSet<>()).add(w.thread());
        all.add(w.thread());
      }
    }
    return nanos.entrySet().stream()
        .max(
            Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .map(
            top ->
                new Top(
                    top.getKey(),
                    Duration.ofNanos(top.getValue()),
                    threads.get(top.getKey()).size(),
                    all.size()));
  }
}
