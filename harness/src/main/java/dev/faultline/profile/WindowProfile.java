package dev.faultline.profile;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a target's recording shows within one window. Immutable.
 *
 * @param locks the most contended locks, most blocked time first
 * @param timeByState the time threads spent in each state: running Java code (CPU samples times the
 *     sampling period) and each kind of wait above the recording threshold
 * @param sockets the remote addresses threads spent longest reading from, longest first
 * @param gc the garbage collections in the window
 * @param pinned virtual threads pinned to their carrier (JDK 21 and later)
 * @param families thread families (digits as N) with threads started or ended in the window
 * @param cpu CPU samples per stack, outermost frame first
 * @param waiting time blocked on locks and in socket reads per stack (nanoseconds), outermost first
 */
public record WindowProfile(
    ProfileWindow window,
    List<LockWait> locks,
    Map<String, Duration> timeByState,
    List<SocketWait> sockets,
    Pauses gc,
    Pauses pinned,
    List<FamilyChange> families,
    Map<List<String>, Long> cpu,
    Map<List<String>, Long> waiting) {

  /** A count of events and their total and longest duration. */
  public record Pauses(int count, Duration total, Duration longest) {}

  /** Threads of one family started and ended within the window. */
  public record FamilyChange(String family, int started, int ended) {}

  public WindowProfile {
    locks = List.copyOf(locks);
    timeByState = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(timeByState));
    sockets = List.copyOf(sockets);
    families = List.copyOf(families);
    cpu = Map.copyOf(cpu);
    waiting = Map.copyOf(waiting);
  }

  /** The most contended lock of the window, if any wait was recorded. */
  public java.util.Optional<LockWait> topLock() {
    return locks.stream().findFirst();
  }

  /** All CPU samples of the window. */
  public long cpuSamples() {
    return cpu.values().stream().mapToLong(Long::longValue).sum();
  }
}
