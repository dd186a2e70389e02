package dev.faultline.observe;

import java.util.List;

/**
 * One thread of a target, as seen at one moment. Immutable.
 *
 * @param id the JVM's thread id
 * @param name the thread's name
 * @param state its state; virtual threads seen through a JSON thread dump without a state are
 *     {@code RUNNABLE}
 * @param daemon whether it is a daemon thread
 * @param stack its frames, innermost first, each {@code class.method(File.java:line)}
 * @param lockName the lock it is blocked on or waits for, e.g. {@code java.lang.Object@1b6d3586};
 *     null if none
 * @param lockOwnerName the thread holding that lock; null if none or unknown
 * @param lockOwnerId that thread's id; -1 if none or unknown
 * @param lockedMonitors locks it holds, where the observer sees them (JMX with lock info, actuator)
 */
public record ThreadDetail(
    long id,
    String name,
    Thread.State state,
    boolean daemon,
    List<String> stack,
    String lockName,
    String lockOwnerName,
    long lockOwnerId,
    List<String> lockedMonitors) {

  public ThreadDetail {
    stack = stack == null ? List.of() : List.copyOf(stack);
    lockedMonitors = lockedMonitors == null ? List.of() : List.copyOf(lockedMonitors);
  }

  /** A thread that neither waits for a lock nor reports held ones. */
  public ThreadDetail(
      long id, String name, Thread.State state, boolean daemon, List<String> stack) {
    this(id, name, state, daemon, stack, null, null, -1, List.of());
  }

  /** The innermost {@code frames} frames, joined with " ← ", for one-line evidence. */
  public String top(int frames) {
    return stack.isEmpty()
        ? "(no stack)"
        : String.join(" ← ", stack.subList(0, Math.min(frames, stack.size())));
  }

  /**
   * Like {@link #top(int)}, plus " … " and the first frame of application code when it lies deeper:
   * the frame that says whose thread this is.
   */
  public String topAndOwner(int frames) {
    String top = top(frames);
    for (int i = frames; i < stack.size(); i++) {
      String f = stack.get(i);
      if (!f.startsWith("java.")
          && !f.startsWith("jdk.")
          && !f.startsWith("sun.")
          && !f.startsWith("javax.")) {
        return top + " … " + f;
      }
    }
    return top;
  }

  /** "name (id 42, WAITING, daemon)" */
  public String label() {
    return name + " (id " + id + ", " + state + (daemon ? ", daemon" : "") + ")";
  }
}
