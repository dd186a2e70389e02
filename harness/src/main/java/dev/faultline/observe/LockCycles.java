package dev.faultline.observe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds and describes a cycle in the waits-for graph of threads (thread → owner of the lock it
 * waits for). Stateless.
 */
final class LockCycles {

  private LockCycles() {}

  /**
   * The first cycle of threads each waiting for a lock held by the next; empty if there is none.
   */
  static List<ThreadDetail> find(List<ThreadDetail> threads) {
    Map<Long, ThreadDetail> byId = new HashMap<>();
    threads.forEach(t -> byId.put(t.id(), t));
    for (ThreadDetail start : threads) {
      Set<Long> path = new LinkedHashSet<>();
      ThreadDetail t = start;
      while (t != null && waitsForOwnedLock(t) && path.add(t.id())) {
        t = byId.get(t.lockOwnerId());
      }
      if (t != null && path.contains(t.id())) {
        List<ThreadDetail> cycle = new ArrayList<>();
        boolean in = false;
        for (long id : path) {
          in |= id == t.id();
          if (in) {
            cycle.add(byId.get(id));
          }
        }
        return cycle;
      }
    }
    return List.of();
  }

  private static boolean waitsForOwnedLock(ThreadDetail t) {
    return t.lockOwnerId() >= 0
        && t.lockName() != null
        && (t.state() == Thread.State.BLOCKED
            || t.state() == Thread.State.WAITING
            || t.state() == Thread.State.TIMED_WAITING);
  }

  /** "A holds [X] and waits for Y held by B; B holds [Y] and waits for X held by A". */
  static String describe(List<ThreadDetail> cycle) {
    List<String> parts = new ArrayList<>();
    for (ThreadDetail t : cycle) {
      parts.add(
          "\""
              + t.name()
              + "\" ("
              + t.state()
              + ")"
              + (t.lockedMonitors().isEmpty()
                  ? ""
                  : " holds " + String.join(", ", t.lockedMonitors()))
              + " and waits for "
              + t.lockName()
              + " held by \""
              + t.lockOwnerName()
              + "\"");
    }
    return "deadlock of " + cycle.size() + " threads: " + String.join("; ", parts);
  }
}
