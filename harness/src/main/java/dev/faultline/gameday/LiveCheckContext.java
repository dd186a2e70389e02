package dev.faultline.gameday;

import static org.awaitility.Awaitility.await;

import dev.faultline.check.CheckContext;
import dev.faultline.launch.Target;
import dev.faultline.load.LoadRun;
import dev.faultline.load.Outcome;
import dev.faultline.load.RequestOutcome;
import dev.faultline.report.FaultWindow;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a check run on demand sees while load keeps running: a consistent cut. The check reads the
 * target between {@code began} and the moment it asks for outcomes; a request that was in flight
 * during that read may or may not be in what it read, so it counts as INDETERMINATE, and a request
 * started after the read is left out. Before cutting, it waits (bounded by the request timeout plus
 * the fork's flush interval) until every request started before the read has been recorded. One
 * instance per check run; not thread-safe.
 */
final class LiveCheckContext implements CheckContext {

  static final String IN_FLIGHT = "in flight while the check read the target";
  private static final Duration FLUSH_LAG = Duration.ofMillis(1500);

  private final Map<String, Target> targets;
  private final LoadRun load;
  private final Duration requestTimeout;
  private final List<FaultWindow> windows;
  private final Instant began = Instant.now();

  LiveCheckContext(
      Map<String, Target> targets,
      LoadRun load,
      Duration requestTimeout,
      List<FaultWindow> windows) {
    this.targets = targets;
    this.load = load;
    this.requestTimeout = requestTimeout;
    this.windows = windows;
  }

  @Override
  public List<String> steps() {
    return load.plan().steps().stream().map(s -> s.name()).toList();
  }

  @Override
  public Optional<Window> faultWindow(String fault) {
    return windows.stream()
        .filter(w -> w.name().equals(fault))
        .findFirst()
        .map(w -> new Window(w.on(), w.off()));
  }

  @Override
  public List<Window> faultWindows() {
    return windows.stream()
        .filter(w -> w.on() != null)
        .map(w -> new Window(w.on(), w.off()))
        .toList();
  }

  @Override
  public Duration requestTimeout() {
    return requestTimeout;
  }

  @Override
  public URI baseUrl(String target) {
    Target t = targets.get(target);
    if (t == null) {
      throw new IllegalArgumentException(
          "no target named '" + target + "'; the experiment declares " + targets.keySet());
    }
    return t.baseUrl();
  }

  @Override
  public List<RequestOutcome> outcomes(String step) {
    Instant readEnded = Instant.now();
    if (load.isRunning()) {
      // Gatling ends every request within the request timeout and the fork flushes about once a
      // second: past this instant, every request started before the read is in the file.
      Instant recorded = readEnded.plus(requestTimeout).plus(FLUSH_LAG);
      await("outcomes of requests started before " + readEnded + " recorded")
          .atMost(requestTimeout.plus(FLUSH_LAG).plusSeconds(2))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> !Instant.now().isBefore(recorded) || !load.isRunning());
    }
    return cut(load.outcomesSoFar(), step, began.toEpochMilli(), readEnded.toEpochMilli());
  }

  /**
   * The outcomes of {@code step} started before {@code readEnded}; those still running after {@code
   * readBegan} become INDETERMINATE.
   */
  static List<RequestOutcome> cut(
      List<RequestOutcome> all, String step, long readBegan, long readEnded) {
    return all.stream()
        .filter(o -> o.step().equals(step) && o.startMillis() < readEnded)
        .map(
            o ->
                o.endMillis() >= readBegan && o.outcome() != Outcome.INDETERMINATE
                    ? new RequestOutcome(
                        o.step(),
                        o.opId(),
                        o.startMillis(),
                        o.latencyMicros(),
                        o.status(),
                        Outcome.INDETERMINATE,
                        IN_FLIGHT)
                    : o)
        .toList();
  }
}
