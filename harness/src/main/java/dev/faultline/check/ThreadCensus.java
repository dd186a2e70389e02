package dev.faultline.check;

import dev.faultline.observe.ThreadDetail;
import dev.faultline.observe.ThreadSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The service's own threads at one moment, as few facts as the leak judgement needs: name and
 * whether the thread sat idle in a pool. JVM and JMX/Attach threads and the thread answering the
 * harness's own thread dump are left out and only counted. Immutable; cheap to keep one per
 * half-second of load.
 *
 * @param at when the snapshot was taken
 * @param threads the counted threads
 * @param system how many JVM, JMX and Attach threads were left out
 * @param ownObservation how many threads were serving the harness's observation at that moment
 */
public record ThreadCensus(Instant at, List<Counted> threads, int system, int ownObservation) {

  /** One counted thread: its name and whether it waited idle for work in a pool. */
  public record Counted(String name, boolean idle) {}

  public ThreadCensus {
    threads = List.copyOf(threads);
  }

  /** The census of a snapshot. */
  public static ThreadCensus of(ThreadSnapshot snapshot) {
    int system = 0;
    int own = 0;
    List<Counted> counted = new ArrayList<>();
    for (ThreadDetail t : snapshot.threads()) {
      if (ThreadFamilies.isSystem(t.name())) {
        system++;
      } else if (ThreadFamilies.isOwnObservation(t)) {
        own++;
      } else {
        counted.add(new Counted(t.name(), ThreadFamilies.isIdleWorker(t)));
      }
    }
    return new ThreadCensus(snapshot.at(), counted, system, own);
  }
}
