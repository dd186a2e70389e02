package dev.faultline.run;

import dev.faultline.check.CheckContext;
import dev.faultline.check.CounterBounds;
import dev.faultline.check.ThreadCensus;
import dev.faultline.load.RequestOutcome;
import dev.faultline.observe.DeadlockWatch;
import dev.faultline.observe.ThreadObserver;
import dev.faultline.observe.ThreadSnapshot;
import dev.faultline.profile.TargetProfile;
import dev.faultline.report.FaultWindow;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * A run's check context (addresses and outcomes) plus what the run observed around the load: the
 * targets' threads and the counters read before load. Reads only; thread-safe once the load ended.
 */
record ObservedContext(
    CheckContext base,
    Supplier<List<FaultWindow>> windows,
    List<String> steps,
    ThreadWatch threads,
    CountersBeforeLoad counters,
    Profiles profiles)
    implements CheckContext {

  @Override
  public TargetProfile profile(String target) {
    return profiles.profile(target);
  }

  @Override
  public URI baseUrl(String target) {
    return base.baseUrl(target);
  }

  @Override
  public List<RequestOutcome> outcomes(String step) {
    return base.outcomes(step);
  }

  @Override
  public List<RequestOutcome> allOutcomes(String step) {
    return base.allOutcomes(step);
  }

  @Override
  public Duration requestTimeout() {
    return base.requestTimeout();
  }

  @Override
  public List<Window> faultWindows() {
    return base.faultWindows();
  }

  @Override
  public List<String> steps() {
    return steps;
  }

  @Override
  public ThreadObserver observer(String target) {
    return threads.observer(target);
  }

  @Override
  public Optional<ThreadSnapshot> baseline(String target) {
    return threads.baseline(target);
  }

  @Override
  public List<ThreadCensus> threadCensuses(String target) {
    return threads.censuses(target);
  }

  @Override
  public Optional<DeadlockWatch.Findings> deadlocksDuringLoad(String target) {
    return threads.deadlocksDuringLoad(target);
  }

  @Override
  public Optional<Window> faultWindow(String fault) {
    return windows.get().stream()
        .filter(w -> w.name().equals(fault) && w.on() != null)
        .findFirst()
        .map(w -> new Window(w.on(), w.off()));
  }

  @Override
  public OptionalLong counterBefore(String check) {
    return counters
        .reading(check)
        .map(r -> OptionalLong.of(r.value()))
        .orElse(OptionalLong.empty());
  }

  @Override
  public Optional<CounterBounds.Reading> counterReadingBefore(String check) {
    return counters.reading(check);
  }

  @Override
  public Optional<String> whyNotReadBefore(String check) {
    return counters.whyUnread(check);
  }
}
