package dev.faultline.profile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a target's recording enables, chosen for a low overhead on a loaded service: only events
 * that answer "why" under a fault, each above a threshold, so a busy request path that never waits
 * long records nothing.
 *
 * <ul>
 *   <li>{@code jdk.JavaMonitorEnter} and {@code jdk.ThreadPark} above 10 ms, with stacks: who
 *       waited on which monitor or lock, and where. 10 ms (JDK default 20 ms) so that contention a
 *       fault causes shows, while the short waits of a healthy lock stay unrecorded.
 *   <li>{@code jdk.SocketRead} above 10 ms, with stacks: time in socket reads per remote address (a
 *       slow downstream is the address everyone waits on).
 *   <li>{@code jdk.JavaMonitorWait} and {@code jdk.ThreadSleep} above 10 ms: the other ways a
 *       thread spends time not running.
 *   <li>{@code jdk.ExecutionSample} every 20 ms (the JDK default; the "profile" settings use 10
 *       ms): the CPU flame graph.
 *   <li>{@code jdk.GarbageCollection}, {@code jdk.ThreadStart}, {@code jdk.ThreadEnd} (no stacks):
 *       pauses and the thread families that grew.
 *   <li>{@code jdk.VirtualThreadPinned} above 10 ms on JDK 21 and later (older JDKs ignore it).
 * </ul>
 *
 * Everything else stays off (no allocation profiling, no class loading, no periodic thread dumps).
 */
final class ProfileSettings {

  /** The threshold of every duration event. */
  static final String THRESHOLD = "10 ms";

  /** The CPU sampling period; {@link ProfileReader} weighs a sample by it. */
  static final long SAMPLE_PERIOD_MILLIS = 20;

  private ProfileSettings() {}

  static Map<String, String> settings() {
    Map<String, String> s = new LinkedHashMap<>();
    for (String event :
        new String[] {
          "jdk.JavaMonitorEnter",
          "jdk.ThreadPark",
          "jdk.SocketRead",
          "jdk.JavaMonitorWait",
          "jdk.ThreadSleep",
          "jdk.VirtualThreadPinned"
        }) {
      s.put(event + "#enabled", "true");
      s.put(event + "#threshold", THRESHOLD);
      s.put(event + "#stackTrace", "true");
    }
    s.put("jdk.ExecutionSample#enabled", "true");
    s.put("jdk.ExecutionSample#period", SAMPLE_PERIOD_MILLIS + " ms");
    for (String event :
        new String[] {"jdk.GarbageCollection", "jdk.ThreadStart", "jdk.ThreadEnd"}) {
      s.put(event + "#enabled", "true");
      s.put(event + "#stackTrace", "false");
    }
    s.put("jdk.GarbageCollection#threshold", "0 ms");
    return s;
  }
}
