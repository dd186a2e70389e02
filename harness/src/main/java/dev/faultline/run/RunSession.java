package dev.faultline.run;

import dev.faultline.InfrastructureException;
import dev.faultline.check.CheckContext;
import dev.faultline.check.CheckResult;
import dev.faultline.check.CheckStatus;
import dev.faultline.check.Checks;
import dev.faultline.experiment.CheckSpec;
import dev.faultline.experiment.Experiment;
import dev.faultline.experiment.LoadedExperiment;
import dev.faultline.fault.FaultInjectors;
import dev.faultline.launch.Target;
import dev.faultline.load.LoadPlan;
import dev.faultline.load.LoadResult;
import dev.faultline.load.RequestOutcome;
import dev.faultline.profile.TargetProfile;
import dev.faultline.report.RunRecord;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * The lifecycle of one run, whoever drives it: the run folder and its journal, the targets and
 * proxies, the fault switch, the observations, each check's evaluation, the teardown and the one
 * {@link RunRecord}. Two drivers call it: a schedule ({@link ExperimentRun}) and a person (the game
 * day's room), in the order {@link #open}, {@link #provision()}, {@link #observe()}, then load and
 * faults as the driver decides, {@link #evaluate} per check, {@link #teardown()}, {@link #record}.
 * Not thread-safe for those steps; the journal, faults and {@link #evaluate} may be used from any
 * thread once {@link #observe()} has returned.
 */
public final class RunSession {

  /** Who switches the faults: the experiment's schedule, or a person in the game-day room. */
  public enum Driver {
    /** {@code faultline run}: faults on the experiment's schedule. */
    SCHEDULE("run", ""),
    /** {@code faultline gameday}: faults switched by hand. */
    PERSON("game day", "-gameday");

    private final String label;
    private final String folderSuffix;

    Driver(String label, String folderSuffix) {
      this.label = label;
      this.folderSuffix = folderSuffix;
    }
  }

  /**
   * How a run ended, as its driver saw it; the session adds what it knows to make the record.
   *
   * @param judgement the verdict and its sentence
   * @param loadStarted the origin of the timeline (the first request), null if load never started
   * @param declaredLoad how long load was meant to run (a game day: how long it ran)
   * @param checks the check results, in the experiment's order
   * @param outcomes every request sent
   * @param measuredFrom requests before this are warm-up, left out of the load figures (null: none)
   * @param liveThreads the threads seen in each second of the timeline, or -1
   * @param result Gatling's result, for the artifacts; null when load never ended normally
   * @param error what to show as the run's error or end reason, null if none
   */
  public record Ending(
      Judgement judgement,
      Instant loadStarted,
      Duration declaredLoad,
      List<CheckResult> checks,
      List<RequestOutcome> outcomes,
      Instant measuredFrom,
      IntUnaryOperator liveThreads,
      LoadResult result,
      String error) {}

  private final LoadedExperiment loaded;
  private final Experiment experiment;
  private final Console console;
  private final RunJournal journal;
  private final Instant started = Instant.now();
  private final Path folder;
  private final Path home;
  private final Driver driver;
  private Deployment deployment;
  private FaultSchedule faults;
  private RunObservations observations;

  private RunSession(LoadedExperiment loaded, RunOptions options, Driver driver) {
    this.loaded = loaded;
    this.experiment = loaded.experiment();
    this.console = options.console();
    this.home = options.home();
    this.driver = driver;
    this.journal = new RunJournal(Clock.systemUTC(), options.events());
    this.folder =
        createRunFolder(
            options.reportsFolder(), started, experiment.name() + driver.folderSuffix, loaded);
    journal.record(
        "phase", "provision", driver.label + " " + folder.getFileName() + " of " + loaded.file());
  }

  /**
   * Creates the run folder ({@code <yyyyMMdd-HHmmss>-<experiment>}, {@code -gameday} for a game
   * day) with the YAML as run, and journals the start.
   *
   * @throws InfrastructureException when the folder cannot be created
   */
  public static RunSession open(LoadedExperiment loaded, RunOptions options, Driver driver) {
    return new RunSession(loaded, options, driver);
  }

  /** The run folder. */
  public Path folder() {
    return folder;
  }

  /** Starts the targets and proxies; on failure stops what was started and rethrows. */
  public void provision() {
    deployment = Deployment.provision(experiment, folder, home, journal, console);
  }

  /** The targets, by name (empty before {@link #provision()}). */
  public Map<String, Target> targets() {
    return deployment == null ? Map.of() : deployment.targets();
  }

  /** Asks the targets whether they can take the faults and load declared, before anything runs. */
  void preflight() {
    Preflight.check(experiment, deployment, journal, console);
  }

  /** The experiment run. */
  public Experiment experiment() {
    return experiment;
  }

  /** Sets up the fault switch and begins observing the targets (their threads, counters...). */
  public void observe() {
    Deployment d = deployment;
    FaultInjectors injectors =
        new FaultInjectors(
            d.targets(),
            d.toxiproxy(),
            experiment.seed(),
            (f, m, data) -> journal.record("fault", f, m, data));
    faults =
        new FaultSchedule(
            experiment.name(), experiment.faults(), injectors::forFault, journal, console);
    observations =
        RunObservations.begin(
            experiment, deployment, folder, journal, console, driver == Driver.PERSON);
  }

  /** The fault switch, once {@link #observe()} has run; null before. */
  public FaultSchedule faults() {
    return faults;
  }

  /**
   * Evaluates one check and journals and prints its result; a check that throws (or whose context
   * cannot be had) is an ERROR result, never an escaping exception.
   *
   * @param data journalled with the result, between its status and its elapsed time
   */
  public CheckResult evaluate(
      CheckSpec spec, Supplier<CheckContext> context, Map<String, String> data) {
    CheckResult r;
    long t0 = System.nanoTime();
    try {
      r = Checks.of(spec).evaluate(context.get());
    } catch (RuntimeException ex) {
      r =
          new CheckResult(
              spec.name(),
              spec.kindName(),
              CheckStatus.ERROR,
              spec.kindName(),
              "evaluable",
              "the check failed to run",
              List.of(ex.toString()));
    }
    Map<String, String> recorded = new LinkedHashMap<>();
    recorded.put("status", r.status().name());
    recorded.putAll(data);
    recorded.put("elapsedMillis", String.valueOf((System.nanoTime() - t0) / 1_000_000));
    journal.record("check", r.name(), r.summary(), recorded);
    console.say(experiment.name(), "check " + r.summary());
    return r;
  }

  /** The observations, once {@link #observe()} has run; null before. */
  public RunObservations observations() {
    return observations;
  }

  /** Stops observing, then stops targets and proxies; safe after a provisioning that failed. */
  public void teardown() {
    if (observations != null) {
      observations.close();
    }
    if (deployment != null) {
      journal.record("phase", "teardown", "stopping targets and proxies");
      deployment.close();
    }
  }

  /** What happened when. */
  public RunJournal journal() {
    return journal;
  }

  /**
   * The run's error: {@code error} when there is one, else the faults that could not be applied or
   * rolled back, else null.
   */
  public String withFaultErrors(String error) {
    if (error == null && faults != null && !faults.errors().isEmpty()) {
      return "faults could not be applied or rolled back: " + String.join("; ", faults.errors());
    }
    return error;
  }

  /** Where progress is printed. */
  public Console console() {
    return console;
  }

  /** The record of the run: the only place a {@link RunRecord} is made. */
  public RunRecord record(Ending end) {
    List<RequestOutcome> measured = LoadHealth.measured(end.outcomes(), end.measuredFrom());
    // Read before the record takes the journal: reading journals each window's summary.
    List<TargetProfile> profiles = observations == null ? List.of() : observations.profiles();
    return new RunRecord(
        folder.getFileName().toString(),
        folder,
        experiment.name(),
        experiment.description(),
        experiment.expect(),
        experiment.caughtBy(),
        loaded.file(),
        loaded.yaml(),
        experiment.seed(),
        started,
        Instant.now(),
        end.loadStarted(),
        end.declaredLoad(),
        end.judgement().verdict(),
        end.judgement().sentence(),
        end.checks(),
        LoadFigures.summaries(experiment.load(), measured),
        LoadFigures.timeline(end.loadStarted(), end.outcomes(), end.liveThreads()),
        faults == null ? List.of() : faults.windows(),
        journal.events(),
        Environment.describe(experiment),
        RunArtifacts.of(folder, experiment, end.result()),
        profiles,
        end.error());
  }

  /** When the session opened. */
  public Instant started() {
    return started;
  }

  /** When the first of {@code outcomes} started, or {@code otherwise} when there are none. */
  public static Instant firstRequest(List<RequestOutcome> outcomes, Instant otherwise) {
    return outcomes.isEmpty()
        ? otherwise
        : Instant.ofEpochMilli(
            outcomes.stream().mapToLong(RequestOutcome::startMillis).min().getAsLong());
  }

  /** The Toxiproxy API the faults go through, or null when there are no proxies. */
  public URI toxiproxyApi() {
    return deployment == null ? null : deployment.toxiproxyApi();
  }

  /** The load the experiment declares, aimed at the targets and proxies started. */
  LoadPlan declaredLoad() {
    return LoadPlans.declared(experiment, deployment);
  }

  /** The experiment's load kept steady for at most {@code length} (a game day's). */
  public LoadPlan steadyLoad(Duration length) {
    return LoadPlans.steady(experiment, deployment, length);
  }

  private static Path createRunFolder(
      Path reports, Instant started, String name, LoadedExperiment loaded) {
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneId.systemDefault())
            .format(started);
    try {
      Files.createDirectories(reports);
      Path folder = reports.resolve(stamp + "-" + name);
      for (int i = 2; Files.exists(folder); i++) {
        folder = reports.resolve(stamp + "-" + name + "-" + i);
      }
      Files.createDirectories(folder);
      Files.writeString(folder.resolve("experiment.yaml"), loaded.yaml());
      return folder;
    } catch (IOException ex) {
      throw new InfrastructureException(
          "cannot create a run folder under " + reports + ": " + ex.getMessage(), ex);
    }
  }
}
