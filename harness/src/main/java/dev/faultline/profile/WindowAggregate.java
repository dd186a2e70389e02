package dev.faultline.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Sums one window's events as {@link ProfileReader} feeds them. Not thread-safe. */
final class WindowAggregate {

  static final String RUNNING = "running Java code";
  static final String MONITOR = "blocked entering a monitor";
  static final String LOCK = "parked on a lock";
  static final String PARKED = "parked waiting (queues, conditions, futures)";
  static final String SOCKET = "reading from sockets";
  static final String WAIT = "in Object.wait";
  static final String SLEEP = "sleeping";

  private static final int TOP = 5;

  /** One lock's or one address's waits. */
  private static final class Waits {
    final String kind;
    long nanos;
    long longest;
    int count;
    final Set<Long> threads = new HashSet<>();
    final Map<List<String>, Long> stacks = new HashMap<>();

    Waits(String kind) {
      this.kind = kind;
    }

    void add(long thread, long overlap, long whole, List<String> stack) {
      nanos += overlap;
      longest = Math.max(longest, whole);
      count++;
      threads.add(thread);
      stacks.merge(stack, overlap, Long::sum);
    }

    List<String> topStack() {
      return stacks.entrySet().stream()
          .max(Map.Entry.comparingByValue())
          .map(Map.Entry::getKey)
          .orElse(List.of());
    }
  }

  final ProfileWindow window;
  private final Map<String, Waits> locks = new HashMap<>();
  private final Map<String, Waits> sockets = new HashMap<>();
  private final Map<String, Long> states = new LinkedHashMap<>();
  private final Map<String, int[]> families = new TreeMap<>();
  private final Map<List<String>, Long> cpu = new HashMap<>();
  private final Map<List<String>, Long> waiting = new HashMap<>();
  private final long[] gc = new long[3];
  private final long[] pinned = new long[3];

  private final Map<String, String> names;

  WindowAggregate(ProfileWindow window, Map<String, String> names) {
    this.window = window;
    this.names = names;
    for (String s : List.of(RUNNING, MONITOR, LOCK, PARKED, SOCKET, WAIT, SLEEP)) {
      states.put(s, 0L);
    }
  }

  /** Nanoseconds of [start, end] inside the window. */
  long overlap(Instant start, Instant end) {
    Instant from = start.isAfter(window.from()) ? start : window.from();
    Instant to = end.isBefore(window.to()) ? end : window.to();
    return to.isAfter(from) ? Duration.between(from, to).toNanos() : 0;
  }

  boolean contains(Instant at) {
    return !at.isBefore(window.from()) && at.isBefore(window.to());
  }

  void lockWait(String lock, String kind, long thread, long overlap, long whole, Stack stack) {
    locks
        .computeIfAbsent(lock, k -> new Waits(kind))
        .add(thread, overlap, whole, stack.innermostFirst());
    states.merge(kind.equals("monitor") ? MONITOR : LOCK, overlap, Long::sum);
    waiting.merge(stack.outermostFirst(), overlap, Long::sum);
  }

  void socketRead(String address, long thread, long overlap, long whole, Stack stack) {
    String named = names.containsKey(address) ? address + " (" + names.get(address) + ")" : address;
    sockets.computeIfAbsent(named, k -> new Waits("socket")).add(thread, overlap, whole, List.of());
    states.merge(SOCKET, overlap, Long::sum);
    waiting.merge(stack.outermostFirst(), overlap, Long::sum);
  }

  void state(String state, long nanos) {
    states.merge(state, nanos, Long::sum);
  }

  void cpuSample(Stack stack) {
    cpu.merge(stack.outermostFirst(), 1L, Long::sum);
    states.merge(RUNNING, ProfileSettings.SAMPLE_PERIOD_MILLIS * 1_000_000, Long::sum);
  }

  void gc(long sumOfPauses, long longestPause) {
    add(gc, sumOfPauses, longestPause);
  }

  void pinned(long overlap, long whole) {
    add(pinned, overlap, whole);
  }

  private static void add(long[] pauses, long total, long longest) {
    pauses[0]++;
    pauses[1] += total;
    pauses[2] = Math.max(pauses[2], longest);
  }

  void threadStarted(String name) {
    families.computeIfAbsent(family(name), k -> new int[2])[0]++;
  }

  void threadEnded(String name) {
    families.computeIfAbsent(family(name), k -> new int[2])[1]++;
  }

  /** The same grouping as no-thread-leak: every run of digits is N. */
  static String family(String threadName) {
    return threadName.replaceAll("\\d+", "N");
  }

  WindowProfile profile() {
    Map<String, Duration> byState = new LinkedHashMap<>();
    states.forEach((s, n) -> byState.put(s, Duration.ofNanos(n)));
    List<WindowProfile.FamilyChange> changes = new ArrayList<>();
    families.forEach((f, n) -> changes.add(new WindowProfile.FamilyChange(f, n[0], n[1])));
    return new WindowProfile(
        window,
        top(locks).stream()
            .map(
                e ->
                    new LockWait(
                        label(e.getKey(), e.getValue()),
                        e.getValue().kind,
                        Duration.ofNanos(e.getValue().nanos),
                        Duration.ofNanos(e.getValue().longest),
                        e.getValue().threads.size(),
                        e.getValue().count,
                        e.getValue().topStack()))
            .toList(),
        byState,
        top(sockets).stream()
            .map(
                e ->
                    new SocketWait(
                        e.getKey(),
                        Duration.ofNanos(e.getValue().nanos),
                        Duration.ofNanos(e.getValue().longest),
                        e.getValue().count,
                        e.getValue().threads.size()))
            .toList(),
        pauses(gc),
        pauses(pinned),
        changes,
        cpu,
        waiting);
  }

  /**
   * A plain {@code Object} used as a monitor says nothing by its class: it is named by where it was
   * waited for.
   */
  private static String label(String lock, Waits w) {
    List<String> stack = w.topStack();
    return lock.equals("java.lang.Object") && !stack.isEmpty()
        ? lock + " entered at " + stack.get(0)
        : lock;
  }

  private static List<Map.Entry<String, Waits>> top(Map<String, Waits> waits) {
    return waits.entrySet().stream()
        .sorted(
            Comparator.comparing((Map.Entry<String, Waits> e) -> -e.getValue().nanos)
                .thenComparing(Map.Entry::getKey))
        .limit(TOP)
        .toList();
  }

  private static WindowProfile.Pauses pauses(long[] p) {
    return new WindowProfile.Pauses((int) p[0], Duration.ofNanos(p[1]), Duration.ofNanos(p[2]));
  }
}
