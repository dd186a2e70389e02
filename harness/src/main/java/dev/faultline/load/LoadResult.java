package dev.faultline.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a finished (or aborted) load run left: every recorded request outcome in file order, the
 * fork's exit code (0 = Gatling succeeded; 143/137 = stopped by a signal), Gatling's HTML report
 * index (null when Gatling did not produce one, e.g. after abort, or has not yet) and the wall time
 * from start to exit. Immutable.
 */
public record LoadResult(
    List<RequestOutcome> outcomes, int exitCode, Path gatlingReport, Duration wallTime) {

  /**
   * The exit code of a result read when the load ended but the fork was still writing Gatling's
   * report ({@link LoadRun#awaitLoadEnd}).
   */
  public static final int STILL_REPORTING = -1;

  public LoadResult {
    outcomes = List.copyOf(outcomes);
  }

  /** Gatling's index.html, when it produced one. */
  public Optional<Path> gatlingReportIndex() {
    return Optional.ofNullable(gatlingReport);
  }

  /** How many outcomes are {@code outcome}. */
  public long count(Outcome outcome) {
    return outcomes.stream().filter(o -> o.outcome() == outcome).count();
  }

  /** Counts by outcome, every outcome present (0 when none). */
  public Map<Outcome, Long> countsByOutcome() {
    Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      counts.put(o, count(o));
    }
    return counts;
  }

  /** Counts by step name, then by outcome (outcomes absent from a step are omitted). */
  public Map<String, Map<Outcome, Long>> countsByStep() {
    return outcomes.stream()
        .collect(
            Collectors.groupingBy(
                RequestOutcome::step,
                TreeMap::new,
                Collectors.groupingBy(
                    RequestOutcome::outcome,
                    () -> new EnumMap<>(Outcome.class),
                    Collectors.counting())));
  }

  /** The outcomes of one step, in file order. */
  public List<RequestOutcome> ofStep(String step) {
    return outcomes.stream().filter(o -> o.step().equals(step)).toList();
  }
}
