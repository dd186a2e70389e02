package dev.faultline.load;

import dev.faultline.process.ChildProcesses;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A running load: the forked Gatling JVM and the outcomes it records. Obtained from {@link
 * GatlingLoad#start}. Thread-safe: progress may be polled from one thread while another awaits or
 * aborts.
 */
public final class LoadRun {

  static final int STOP_GRACE_SECONDS = 3;
  private static final Duration STOP_GRACE = Duration.ofSeconds(STOP_GRACE_SECONDS);

  /** How often {@link #awaitLoadEnd} looks for the fork's note that the load ended. */
  private static final Duration LOAD_END_POLL = Duration.ofMillis(20);

  private final LoadPlan plan;
  private final ForkFiles files;
  private final Process fork;
  private final long startNanos = System.nanoTime();
  private final OutcomeTail tail;

  LoadRun(LoadPlan plan, ForkFiles files, Process fork) {
    this.plan = plan;
    this.files = files;
    this.fork = fork;
    this.tail = new OutcomeTail(files.outcomes(), Clock.systemUTC());
  }

  /** The plan this run executes. */
  public LoadPlan plan() {
    return plan;
  }

  /** The PID of the forked Gatling JVM. */
  public long pid() {
    return fork.pid();
  }

  /** Whether the fork is still running (it may be writing Gatling's report after the load). */
  public boolean isRunning() {
    return fork.isAlive();
  }

  /**
   * Whether the load is over: every request has ended and its outcome is written, or the fork is
   * gone. Gatling may still be writing its HTML report; {@link #finish} waits for that.
   */
  public boolean loadEnded() {
    return !fork.isAlive() || ForkFiles.readStamp(files.loadEnded()).isPresent();
  }

  /**
   * Waits, at most {@code bound}, for the load to end ({@link #loadEnded}), then reads every
   * outcome, while Gatling may still write its HTML report: the result's exit code is then {@link
   * LoadResult#STILL_REPORTING}. {@link #finish} waits for the fork's end.
   *
   * @throws LoadException as {@link #await} does
   */
  public LoadResult awaitLoadEnd(Duration bound) {
    long deadline = System.nanoTime() + bound.toNanos();
    try {
      while (!loadEnded()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          ChildProcesses.stop(fork, STOP_GRACE);
          throw notEnded(bound);
        }
        fork.waitFor(Math.min(left, LOAD_END_POLL.toNanos()), TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      throw interrupted(e);
    }
    return fork.isAlive() ? result(LoadResult.STILL_REPORTING) : result();
  }

  /**
   * Lets the fork finish what it does after the load (Gatling's HTML report), at most {@code
   * bound}, then stops it; returns the whole result. Idempotent.
   */
  public LoadResult finish(Duration bound) {
    try {
      if (!fork.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
        ChildProcesses.stop(fork, STOP_GRACE);
      }
    } catch (InterruptedException e) {
      ChildProcesses.stop(fork, STOP_GRACE);
      Thread.currentThread().interrupt();
    }
    return result();
  }

  /** Counts and recent rate, read from the outcomes file (lags up to about a second). */
  public synchronized LoadProgress progress() {
    tail.poll();
    return tail.progress(elapsed());
  }

  /**
   * Waits, at most {@code bound}, for the fork to end, then reads every outcome.
   *
   * @throws LoadException if the fork did not end within the bound: it is killed first, and the
   *     outcomes recorded so far stay in the outcomes file
   */
  public LoadResult await(Duration bound) {
    boolean ended;
    try {
      ended = fork.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      throw interrupted(e);
    }
    if (!ended) {
      ChildProcesses.stop(fork, STOP_GRACE);
      throw notEnded(bound);
    }
    return result();
  }

  private LoadException interrupted(InterruptedException e) {
    abort();
    Thread.currentThread().interrupt();
    return new LoadException(
        "interrupted while waiting for the load of '"
            + plan.experiment()
            + "'; the Gatling fork was killed",
        e);
  }

  private LoadException notEnded(Duration bound) {
    return new LoadException(
        "the load of '"
            + plan.experiment()
            + "' did not end within "
            + bound
            + " (plan active for "
            + plan.activeFor()
            + "); the Gatling fork (pid "
            + fork.pid()
            + ") was killed. Outcomes so far: "
            + files.outcomes()
            + ", Gatling output: "
            + files.gatlingLog());
  }

  /**
   * Stops the fork now (SIGTERM, SIGKILL after {@value #STOP_GRACE_SECONDS} s) and returns what it
   * recorded; the fork flushes its outcomes on SIGTERM. Idempotent.
   */
  public LoadResult abort() {
    ChildProcesses.stop(fork, STOP_GRACE);
    return result();
  }

  /** The outcomes file: JSON lines, one {@link RequestOutcome} each, appended by the fork. */
  public Path outcomesFile() {
    return files.outcomes();
  }

  /** The fork's console output (Gatling's summary, warnings, crashes). */
  public Path gatlingLog() {
    return files.gatlingLog();
  }

  /**
   * When the first request started: as soon as the fork has noted it (the moment it is handed to
   * Gatling); failing that, the earliest request recorded so far (known only once it ended and was
   * flushed — seconds late on a cold target).
   */
  public synchronized Optional<Instant> firstRequestStart() {
    Optional<Instant> noted = ForkFiles.readStamp(files.firstRequest());
    if (noted.isPresent()) {
      return noted;
    }
    tail.poll();
    return tail.outcomes().stream().mapToLong(RequestOutcome::startMillis).min().stream()
        .mapToObj(Instant::ofEpochMilli)
        .findFirst();
  }

  /** Every outcome recorded so far (the fork flushes about once a second), for live views. */
  public synchronized List<RequestOutcome> outcomesSoFar() {
    tail.poll();
    return tail.outcomes();
  }

  /**
   * The CPU time the fork spent on the load, from reading its plan to the end of the simulation
   * (Gatling's start before the plan and its report after are not counted); empty until the
   * simulation has ended, or after an abort.
   */
  public Optional<Duration> forkCpuTime() {
    return ForkCpu.read(files.cpu());
  }

  /** Gatling's HTML report index, when it has produced one (after a normal end). */
  public Optional<Path> gatlingReportIndex() {
    return files.gatlingReportIndex();
  }

  private LoadResult result() {
    return result(fork.exitValue());
  }

  private synchronized LoadResult result(int exitCode) {
    tail.poll();
    return new LoadResult(
        tail.outcomes(), exitCode, files.gatlingReportIndex().orElse(null), elapsed());
  }

  private Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
