package dev.faultline.report;

import dev.faultline.check.CheckResult;
import dev.faultline.experiment.Expectation;
import dev.faultline.profile.TargetProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one run of one experiment produced: the input of every report writer. Immutable.
 *
 * @param runId the run folder's name, {@code yyyyMMdd-HHmmss-<experiment>}
 * @param folder the run folder
 * @param experimentFile the YAML file as given
 * @param yaml the YAML text as run
 * @param loadStarted when load began (the origin of fault offsets and of the timeline), null if it
 *     never did
 * @param declaredLoad the load's declared ramp + duration
 * @param verdictSentence the verdict in one sentence, first thing a reader sees
 * @param artifacts files in the run folder by label (target logs, Gatling report, outcomes),
 *     relative to the folder
 * @param profiles each recorded target's JDK Flight Recorder profile, read per window
 * @param error what went wrong, for {@link Verdict#ERROR} and {@link Verdict#ABORTED}; null
 *     otherwise
 */
public record RunRecord(
    String runId,
    Path folder,
    String experiment,
    String description,
    Expectation expect,
    List<String> caughtBy,
    Path experimentFile,
    String yaml,
    long seed,
    Instant started,
    Instant finished,
    Instant loadStarted,
    Duration declaredLoad,
    Verdict verdict,
    String verdictSentence,
    List<CheckResult> checks,
    List<StepSummary> load,
    List<TimelinePoint> timeline,
    List<FaultWindow> faults,
    List<JournalEvent> events,
    Map<String, String> environment,
    Map<String, String> artifacts,
    List<TargetProfile> profiles,
    String error) {

  public RunRecord {
    caughtBy = List.copyOf(caughtBy);
    checks = List.copyOf(checks);
    load = List.copyOf(load);
    timeline = List.copyOf(timeline);
    faults = List.copyOf(faults);
    events = List.copyOf(events);
    environment = Map.copyOf(environment);
    artifacts = Collections.unmodifiableMap(new LinkedHashMap<>(artifacts));
    profiles = profiles == null ? List.of() : List.copyOf(profiles);
  }

  /** Wall time of the whole run. */
  public Duration wallTime() {
    return Duration.between(started, finished);
  }
}
