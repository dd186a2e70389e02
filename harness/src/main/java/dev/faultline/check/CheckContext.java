package dev.faultline.check;

import dev.faultline.load.RequestOutcome;
import dev.faultline.observe.DeadlockWatch;
import dev.faultline.observe.ObserveException;
import dev.faultline.observe.ThreadObserver;
import dev.faultline.observe.ThreadSnapshot;
import dev.faultline.profile.ProfileException;
import dev.faultline.profile.TargetProfile;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a check may look at: the targets' addresses, what the load recorded, and what the run
 * observed around the load (thread observers, the baseline taken before load, deadlock samples
 * taken during it, when each fault was on, counters read before load and why one could not be). The
 * observation methods default to "not observed", so a context that only knows addresses and
 * outcomes still works.
 */
public interface CheckContext {

  /** When a fault was on; {@code off} is null if it was still on when the run rolled it back. */
  record Window(Instant on, Instant off) {}

  /** The loopback URL of a target, by name. */
  URI baseUrl(String target);

  /** Every measured request of a load step (after its warm-up), with its outcome. */
  List<RequestOutcome> outcomes(String step);

  /**
   * Every request of a load step, warm-up included: for checks of state the warm-up changed too (a
   * counter it incremented); {@link #outcomes} leaves the warm-up out.
   */
  default List<RequestOutcome> allOutcomes(String step) {
    return outcomes(step);
  }

  /** The names of every load step. */
  default List<String> steps() {
    return List.of();
  }

  /**
   * The observer of a target's threads; throws {@link ObserveException} saying why there is none.
   */
  default ThreadObserver observer(String target) {
    throw new ObserveException("the run observes no threads of target " + target);
  }

  /** The target's threads before load, taken after provisioning. */
  default Optional<ThreadSnapshot> baseline(String target) {
    return Optional.empty();
  }

  /** The target's threads, counted about twice a second while the load ran, oldest first. */
  default List<ThreadCensus> threadCensuses(String target) {
    return List.of();
  }

  /** Deadlock samples taken while the load ran. */
  default Optional<DeadlockWatch.Findings> deadlocksDuringLoad(String target) {
    return Optional.empty();
  }

  /**
   * The target's JDK Flight Recorder recording, read per window once the load ended; throws {@link
   * dev.faultline.profile.ProfileException} saying why there is none.
   */
  default TargetProfile profile(String target) {
    throw new ProfileException("the run recorded no profile of target " + target);
  }

  /** When the fault was on (its first window), if it was switched on at all. */
  default Optional<Window> faultWindow(String fault) {
    return Optional.empty();
  }

  /**
   * Every window in which a fault could touch a request, in the order they ended: from when its
   * switching on began to the end of its rollback (wider than {@link #faultWindow}, which starts
   * once the fault is on).
   */
  default List<Window> faultWindows() {
    return List.of();
  }

  /**
   * The load's request timeout: how long a request without an answer was given; zero when unknown.
   */
  default Duration requestTimeout() {
    return Duration.ZERO;
  }

  /** The value a check's target counter had before load (e.g. timeouts-fire's stats counter). */
  default OptionalLong counterBefore(String check) {
    return OptionalLong.empty();
  }

  /** The reading a counter-consistency check's target gave before load: value and applied ids. */
  default Optional<CounterBounds.Reading> counterReadingBefore(String check) {
    return Optional.empty();
  }

  /** Why the run has no reading before load for a check, when it tried and failed to take one. */
  default Optional<String> whyNotReadBefore(String check) {
    return Optional.empty();
  }
}
