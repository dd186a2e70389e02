package dev.faultline.check;

import static org.awaitility.Awaitility.await;

import dev.faultline.experiment.CheckSpecs;
import dev.faultline.load.RequestOutcome;
import dev.faultline.observe.ObserveException;
import dev.faultline.observe.ThreadObserver;
import dev.faultline.observe.ThreadSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Polls the target's threads after load (goleak-style: retry until {@code settle}, never sleep and
 * hope) until no family is still growing, so that busy threads get the time to finish; judges each
 * poll with {@link ThreadLeaks} against the baseline and the censuses taken during load.
 */
record NoThreadLeakCheck(CheckSpecs.NoThreadLeak spec)
    implements SpecCheck<CheckSpecs.NoThreadLeak> {

  private static final Duration POLL = Duration.ofMillis(500);

  @Override
  public CheckResult evaluate(CheckContext context) {
    Optional<ThreadSnapshot> baseline = context.baseline(spec.target());
    if (baseline.isEmpty()) {
      return unobserved("no baseline of the target's threads was taken before load");
    }
    List<ThreadCensus> duringLoad = context.threadCensuses(spec.target());
    Optional<ThreadLeaks.WorkClock> clock =
        ThreadLeaks.WorkClock.of(
            context.steps().stream()
                .flatMap(s -> context.outcomes(s).stream())
                .map(RequestOutcome::startMillis)
                .toList());
    long t0 = System.nanoTime();
    AtomicReference<CheckResult> last = new AtomicReference<>();
    try {
      ThreadObserver observer = context.observer(spec.target());
      await(spec.name() + " on target " + spec.target())
          .atMost(spec.settle().plus(POLL))
          .pollDelay(Duration.ZERO)
          .pollInterval(POLL)
          .until(
              () -> {
                CheckResult r =
                    ThreadLeaks.judge(
                        spec,
                        baseline.get(),
                        duringLoad,
                        clock,
                        observer.snapshot(),
                        Duration.ofNanos(System.nanoTime() - t0));
                last.set(r);
                return r.passed();
              });
    } catch (ConditionTimeoutException e) {
      // The last judgement, taken at the end of settle, is the verdict.
    } catch (ObserveException e) {
      return unobserved(e.getMessage());
    }
    return last.get() != null
        ? last.get()
        : unobserved(
            "no snapshot of the threads could be taken within " + spec.settle().toMillis() + " ms");
  }

  private CheckResult unobserved(String why) {
    return error(
        "threads of target " + spec.target() + " against the baseline before load",
        "observable",
        "not observed",
        why);
  }
}
