package dev.faultline.e2e;

import dev.faultline.check.CheckContext;
import dev.faultline.load.RequestOutcome;
import dev.faultline.observe.DeadlockWatch;
import dev.faultline.observe.ThreadObserver;
import dev.faultline.observe.ThreadSnapshot;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** A check context for one target, holding what a test observed by hand instead of a run. */
record ObservedContext(
    URI base,
    List<RequestOutcome> requests,
    ThreadObserver observer,
    ThreadSnapshot baseline,
    DeadlockWatch.Findings during,
    Long counterBefore)
    implements CheckContext {

  static ObservedContext of(URI base) {
    return new ObservedContext(base, List.of(), null, null, null, null);
  }

  ObservedContext withRequests(List<RequestOutcome> r) {
    return new ObservedContext(base, r, observer, baseline, during, counterBefore);
  }

  ObservedContext withThreads(ThreadObserver o, ThreadSnapshot b) {
    return new ObservedContext(base, requests, o, b, during, counterBefore);
  }

  ObservedContext withDeadlockSamples(DeadlockWatch.Findings f) {
    return new ObservedContext(base, requests, observer, baseline, f, counterBefore);
  }

  ObservedContext withCounterBefore(long v) {
    return new ObservedContext(base, requests, observer, baseline, during, v);
  }

  @Override
  public URI baseUrl(String target) {
    return base;
  }

  @Override
  public List<RequestOutcome> outcomes(String step) {
    return requests;
  }

  @Override
  public List<String> steps() {
    return List.of("load");
  }

  @Override
  public ThreadObserver observer(String target) {
    return observer != null ? observer : CheckContext.super.observer(target);
  }

  @Override
  public Optional<ThreadSnapshot> baseline(String target) {
    return Optional.ofNullable(baseline);
  }

  @Override
  public Optional<DeadlockWatch.Findings> deadlocksDuringLoad(String target) {
    return Optional.ofNullable(during);
  }

  @Override
  public OptionalLong counterBefore(String check) {
    return counterBefore == null ? OptionalLong.empty() : OptionalLong.of(counterBefore);
  }
}
