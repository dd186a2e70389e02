package dev.faultline.experiment;

import java.util.Set;

/**
 * A check and its parameters; written in YAML as a one-key map, the key naming the kind. Each kind
 * says what the run must observe for it ({@link #observes()}) and is told apart by {@link #match},
 * which every place handling kinds implements in full: a new kind fails to compile until each of
 * them handles it.
 */
public sealed interface CheckSpec
    permits CounterConsistencySpec,
        CheckSpecs.TimeoutsFire,
        CheckSpecs.NoThreadLeak,
        CheckSpecs.NoDeadlock,
        CheckSpecs.Invariant,
        CheckSpecs.ResponseTime,
        CheckSpecs.ErrorRate,
        CheckSpecs.LockContention {

  /** What a run observes around its load for a check, on the check's {@link #target()}. */
  enum Observation {
    /** A thread observer of the target, attached before load (the check fails early without). */
    THREADS,
    /** The target's threads before load. */
    THREAD_BASELINE,
    /** The target's threads counted while the load runs. */
    THREAD_CENSUS,
    /** Deadlock samples while the load runs. */
    DEADLOCK_WATCH,
    /** A counter of the target read before load, so the check judges the change over the load. */
    COUNTER_BEFORE_LOAD,
    /** A JDK Flight Recorder recording of the target, read per window after the load. */
    PROFILE
  }

  /** One case per kind; {@link #match} calls the one of the spec's kind. */
  interface Cases<R> {
    /** {@code counter-consistency} */
    R counterConsistency(CounterConsistencySpec spec);

    /** {@code timeouts-fire} */
    R timeoutsFire(CheckSpecs.TimeoutsFire spec);

    /** {@code no-thread-leak} */
    R noThreadLeak(CheckSpecs.NoThreadLeak spec);

    /** {@code no-deadlock} */
    R noDeadlock(CheckSpecs.NoDeadlock spec);

    /** {@code invariant} */
    R invariant(CheckSpecs.Invariant spec);

    /** {@code response-time} */
    R responseTime(CheckSpecs.ResponseTime spec);

    /** {@code error-rate} */
    R errorRate(CheckSpecs.ErrorRate spec);

    /** {@code lock-contention} */
    R lockContention(CheckSpecs.LockContention spec);
  }

  /** The name the report and {@code caught-by} use; the kind's key unless given. */
  String name();

  /** The target the check reads or observes; null when it names none. */
  default String target() {
    return null;
  }

  /** The load step whose requests the check judges; null when it names none. */
  default String load() {
    return null;
  }

  /** What the run must observe of {@link #target()} for this check. */
  default Set<Observation> observes() {
    return Set.of();
  }

  /** The case of this spec's kind. */
  <R> R match(Cases<R> cases);

  /** The YAML key of this kind. */
  default String kindName() {
    return getClass().getAnnotation(Key.class).value();
  }
}
