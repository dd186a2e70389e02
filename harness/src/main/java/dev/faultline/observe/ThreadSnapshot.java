package dev.faultline.observe;

import java.time.Instant;
import java.util.List;

/**
 * Every thread of a target at one moment, plus what the observer could not see (e.g. virtual
 * threads on JDK 17, or lock owners through an actuator). Immutable.
 */
public record ThreadSnapshot(Instant at, List<ThreadDetail> threads, List<String> blindSpots) {

  public ThreadSnapshot {
    threads = List.copyOf(threads);
    blindSpots = blindSpots == null ? List.of() : List.copyOf(blindSpots);
  }

  public ThreadSnapshot(Instant at, List<ThreadDetail> threads) {
    this(at, threads, List.of());
  }

  public int size() {
    return threads.size();
  }
}
