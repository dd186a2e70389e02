package dev.faultline.experiment;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One experiment, as declared in YAML: what to start, what load to put on it, which faults to
 * inject when, and which checks must hold. Immutable; validated by {@link ExperimentLoader}.
 */
@Doc("A Faultline experiment: targets, load, faults on a schedule, and the checks that must hold.")
public record Experiment(
    @Required
        @Doc("Name of the experiment: lowercase letters, digits and dashes; names the run folder.")
        String name,
    @Doc("One sentence: what this experiment shows.") String description,
    @Default("pass") @Doc("pass, or caught for a control whose bug the checks must find.")
        Expectation expect,
    @Doc(
            "For expect: caught, the checks that must fail (by name). Empty: any check failing counts.")
        List<String> caughtBy,
    @Default("1")
        @Doc(
            "Seed of every random choice (jitter, toxicity, which worker dies), so a run can be replayed.")
        long seed,
    @Default("5m")
        @Doc("Wall-clock budget of the whole run; past it the run aborts and rolls back.")
        Duration budget,
    @Default("2s") @Doc("How long a load request may take before it counts as indeterminate.")
        Duration requestTimeout,
    @Required @Doc("The services under test, by name.") Map<String, TargetSpec> targets,
    @Doc("Network proxies in front of or between targets, by name.") Map<String, ProxySpec> proxies,
    @Doc("Use an external Toxiproxy instead of the embedded one.") ToxiproxySpec toxiproxy,
    @Required @Doc("Load steps, run concurrently by Gatling.") List<LoadSpec> load,
    @Doc("Faults, switched on and off on a schedule relative to the start of load.")
        List<FaultSpec> faults,
    @Required @Doc("Checks that must hold (or, for a control, that must catch the bug).")
        List<CheckSpec> checks,
    @Doc("Guards that abort the run early, rolling every fault back.") List<StopCondition> stopWhen,
    @Doc(
            "Probes that must hold before anything is injected (else the run aborts) and again after rollback.")
        List<CheckSpecs.Invariant> steadyState) {

  public Experiment {
    caughtBy = caughtBy == null ? List.of() : List.copyOf(caughtBy);
    targets =
        targets == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    proxies =
        proxies == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(proxies));
    load = load == null ? List.of() : List.copyOf(load);
    faults = faults == null ? List.of() : List.copyOf(faults);
    checks = checks == null ? List.of() : List.copyOf(checks);
    stopWhen = stopWhen == null ? List.of() : List.copyOf(stopWhen);
    steadyState = steadyState == null ? List.of() : List.copyOf(steadyState);
    description = description == null ? "" : description;
  }

  /**
   * The longest warm-up of any step: every step's measured load starts this long after the load
   * does (a step with a shorter warm-up starts it later), and faults' {@code at} counts from there.
   */
  public Duration warmUp() {
    return load.stream()
        .map(LoadSpec::warmUp)
        .filter(Objects::nonNull)
        .max(Duration::compareTo)
        .orElse(Duration.ZERO);
  }

  /** The longest a load step runs, ramp included: the declared load duration. */
  public Duration loadDuration() {
    return load.stream()
        .map(l -> l.ramp().plus(l.duration()))
        .max(Duration::compareTo)
        .orElse(Duration.ZERO);
  }
}
