package dev.faultline.gameday;

import dev.faultline.FaultlineException;
import dev.faultline.check.CheckResult;
import dev.faultline.experiment.Durations;
import dev.faultline.experiment.Experiment;
import dev.faultline.experiment.LoadedExperiment;
import dev.faultline.load.GatlingLoad;
import dev.faultline.load.LoadResult;
import dev.faultline.load.LoadRun;
import dev.faultline.load.RequestOutcome;
import dev.faultline.process.DaemonThreads;
import dev.faultline.process.ExitHooks;
import dev.faultline.report.FaultWindow;
import dev.faultline.report.RunRecord;
import dev.faultline.report.RunReports;
import dev.faultline.run.Console;
import dev.faultline.run.FaultSchedule;
import dev.faultline.run.Judgement;
import dev.faultline.run.RunJournal;
import dev.faultline.run.RunObservations;
import dev.faultline.run.RunOptions;
import dev.faultline.run.RunSession;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;

/**
 * One game day over one experiment: its targets and proxies, its load kept steady (bounded by the
 * experiment's budget), and a room on 127.0.0.1 where people switch its faults by hand. It ends on
 * ABORT (page or {@code faultline abort}), on Ctrl-C or SIGTERM, when the budget runs out or when
 * the load ends; then every fault rolls back, load and targets stop, and the run report is written
 * with the manual timeline. Thread-safe: {@link #end} may be called from any thread.
 */
public final class GameDay {

  private static final Duration CLEANUP_BOUND = Duration.ofSeconds(40);
  private static final Duration WATCH_INTERVAL = Duration.ofMillis(250);

  private final RunSession session;
  private final Experiment experiment;
  private final RunOptions options;
  private final StateFeed feed = new StateFeed();
  private final Console console;
  private final RunJournal journal;
  private final CountDownLatch endRequested = new CountDownLatch(1);
  private volatile String endReason;
  private volatile String error;
  private volatile Path report;
  private final CountDownLatch finished = new CountDownLatch(1);
  private FaultSchedule faults;
  private LoadRun load;
  private Instant origin;
  private LiveFigures figures;
  private final Object publishing = new Object();
  private Room room;
  private RoomServer server;
  private GameDayAddress address;
  private ScheduledExecutorService ticker;
  private Thread hook;
  private RunRecord record;

  private GameDay(LoadedExperiment loaded, RunOptions options) {
    this.session = RunSession.open(loaded, options, RunSession.Driver.PERSON);
    this.experiment = loaded.experiment();
    this.options = options;
    this.console = options.console();
    this.journal = session.journal();
  }

  /**
   * Provisions the experiment, starts its steady load and opens the room on 127.0.0.1:{@code port}
   * (0: any free port). If that fails, whatever started is stopped, the report says why, and the
   * exception is rethrown.
   */
  public static GameDay open(LoadedExperiment loaded, RunOptions options, int port) {
    refuseSecondGameDay(options.reportsFolder());
    GameDay g = new GameDay(loaded, options);
    g.begin(port);
    return g;
  }

  private static void refuseSecondGameDay(Path reports) {
    GameDayAddress.find(reports)
        .filter(a -> ProcessHandle.of(a.pid()).map(ProcessHandle::isAlive).orElse(false))
        .ifPresent(
            a -> {
              throw new FaultlineException(
                  "a game day of "
                      + a.experiment()
                      + " already runs at "
                      + a.url()
                      + " (pid "
                      + a.pid()
                      + ") with this reports folder; end it first (./faultline abort), or use another --reports folder");
            });
  }

  private void begin(int port) {
    hook = new Thread(this::onSignal, "faultline-gameday-abort-on-signal");
    if (!ExitHooks.addQuietly(hook)) {
      // The signal came while the game day was starting: it ends before anything starts.
      end("interrupted by a signal (Ctrl-C or SIGTERM)");
    }
    try {
      session.provision();
      // Threads are observed as in a scheduled run, so no-thread-leak and no-deadlock work on
      // demand.
      session.observe();
      faults = session.faults();
      RunObservations observations = session.observations();
      observations.loadStarted(faults::windows);
      journal.record(
          "phase",
          "load",
          "steady load starts, bounded by the budget of " + Durations.format(experiment.budget()));
      load = GatlingLoad.start(session.steadyLoad(experiment.budget()), session.folder());
      origin = Instant.now();
      figures = new LiveFigures(origin, session.targets());
      openRoom(port, observations);
    } catch (RuntimeException ex) {
      error = ex.getMessage();
      journal.record("error", "gameday", error);
      end("it could not start");
      finish();
      throw ex;
    }
  }

  /** The room, its page on 127.0.0.1 and the address {@code faultline abort} finds it by. */
  private void openRoom(int port, RunObservations observations) {
    room =
        new Room(
            session,
            () ->
                observations.enrich(
                    new LiveCheckContext(
                        session.targets(), load, experiment.requestTimeout(), windowsSoFar()),
                    this::windowsSoFar),
            this::end,
            this::publish);
    server = RoomServer.start(port, room, feed, new RoomPage(experiment.name()));
    address =
        new GameDayAddress(
            ProcessHandle.current().pid(),
            server.url().toString(),
            server.token(),
            experiment.name(),
            session.folder().toString());
    address.write(options.reportsFolder());
    ticker = DaemonThreads.scheduler("faultline-gameday-ticker");
    ticker.scheduleAtFixedRate(this::tick, 0, 1, TimeUnit.SECONDS);
    journal.record("phase", "gameday", "room open at " + server.url());
    console.say(
        experiment.name(),
        "game day room: " + server.url() + "   (ABORT on the page, ./faultline abort, or Ctrl-C)");
  }

  /** The page's address. */
  public URI url() {
    return server.url();
  }

  /** The run folder, where the report goes. */
  public Path folder() {
    return session.folder();
  }

  /** The Toxiproxy API the faults go through, or null when the experiment has no proxies. */
  public URI toxiproxyApi() {
    return session.toxiproxyApi();
  }

  /**
   * Ends the game day: every fault is rolled back (time boxes cancelled) before this returns; load,
   * targets and the report follow on the thread in {@link #awaitEnd()}. Idempotent.
   */
  public void end(String reason) {
    synchronized (this) {
      if (endReason != null) {
        return;
      }
      endReason = reason;
    }
    journal.record("phase", "end", "game day ends: " + reason);
    console.say(experiment.name(), "game day ends: " + reason + " — rolling every fault back");
    if (room != null) {
      room.close();
    } else if (faults != null) {
      faults.rollbackAll();
    }
    endRequested.countDown();
  }

  /**
   * Waits until the game day ends, then stops load and targets and writes the report; returns its
   * record.
   */
  public RunRecord awaitEnd() {
    Instant deadline = session.started().plus(experiment.budget());
    try {
      while (!endRequested.await(WATCH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
        if (!Instant.now().isBefore(deadline)) {
          end("the wall-clock budget of " + Durations.format(experiment.budget()) + " ran out");
        } else if (!load.isRunning()) {
          end("the load ended on its own (its request cap, or a crash: see gatling.log)");
        }
      }
    } catch (InterruptedException ie) {
      end("the game day's thread was interrupted");
      Thread.currentThread().interrupt();
    }
    return finish();
  }

  /** Waits, at most {@code bound}, until the report is written. */
  public boolean awaitFinished(Duration bound) throws InterruptedException {
    return finished.await(bound.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void onSignal() {
    if (finished.getCount() == 0) {
      return;
    }
    console.print(
        "\nfaultline: interrupted — rolling back every fault, stopping load and targets…\n");
    end("interrupted by a signal (Ctrl-C or SIGTERM)");
    try {
      awaitFinished(CLEANUP_BOUND);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized RunRecord finish() {
    if (record != null) {
      return record;
    }
    LoadResult result = null;
    try {
      if (ticker != null) {
        ticker.shutdownNow();
      }
      if (load != null) {
        result = load.abort();
        journal.record("phase", "load", "load stopped: " + result.outcomes().size() + " requests");
      }
    } catch (RuntimeException ex) {
      error = error != null ? error : "stopping the load failed: " + ex.getMessage();
      journal.record("error", "load", "stopping the load failed: " + ex.getMessage());
    } finally {
      session.teardown();
    }
    error = session.withFaultErrors(error);
    record = record(result);
    report = RunReports.write(record);
    console.say(experiment.name(), record.verdictSentence());
    console.say(experiment.name(), "report: " + report);
    if (room != null) {
      publish(true);
    }
    if (server != null) {
      server.close();
    }
    if (address != null) {
      address.delete(options.reportsFolder());
    }
    finished.countDown();
    // During shutdown the hook is running; it returns now that the report is written.
    ExitHooks.removeQuietly(hook);
    return record;
  }

  /** Every fault window so far, those still open (off = null) included. */
  private List<FaultWindow> windowsSoFar() {
    List<FaultWindow> all = new ArrayList<>(faults.windows());
    faults.activeSince().forEach((name, on) -> all.add(new FaultWindow(name, "", "", on, null)));
    return all;
  }

  private void tick() {
    try {
      figures.sampleThreads(Instant.now());
      publish(false);
    } catch (RuntimeException ex) {
      journal.record("error", "gameday", "the live view failed to update: " + ex);
    }
  }

  private void publish() {
    publish(false);
  }

  private void publish(boolean last) {
    synchronized (publishing) {
      RoomState.Parts parts =
          new RoomState.Parts(
              experiment,
              origin,
              room,
              figures,
              load.outcomesSoFar(),
              faults.activeFaults(),
              faults.activeSince(),
              faults.windows(),
              journal.events(),
              session.observations() == null ? Map.of() : session.observations().recordings(),
              endReason,
              report == null ? null : report.toString(),
              session.toxiproxyApi() == null ? null : session.toxiproxyApi().toString());
      feed.publish(RoomState.of(parts).toJson(), last);
    }
  }

  private RunRecord record(LoadResult result) {
    List<RequestOutcome> outcomes =
        result == null ? (load == null ? List.of() : load.outcomesSoFar()) : result.outcomes();
    Instant first = RunSession.firstRequest(outcomes, origin);
    Map<String, Room.CheckRun> lastRuns = room == null ? Map.of() : room.lastRuns();
    List<CheckResult> checks =
        experiment.checks().stream()
            .map(c -> lastRuns.get(c.name()))
            .filter(r -> r != null)
            .map(Room.CheckRun::result)
            .toList();
    Judgement judgement =
        GameDayVerdict.judge(
            experiment, lastRuns, endReason, error, first == null ? session.started() : first);
    Duration ran = origin == null ? null : Duration.between(origin, Instant.now());
    IntUnaryOperator threads = figures == null ? s -> -1 : figures.threadsSince(first);
    String why = error != null ? error : endReason;
    return session.record(
        new RunSession.Ending(judgement, first, ran, checks, outcomes, null, threads, result, why));
  }
}
