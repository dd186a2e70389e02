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

  /** Whether the fork is still running. */
  public boolean isRunning() {
    return fork.isAlive();
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
      abort();
      Thread.currentThread().interrupt();
      throw new LoadException(
          "interrupted while waiting for the load of '"
              + plan.experiment()
              + "'; the Gatling fork was killed",
          e);
    }
    if (!ended) {
      ChildProcesses.stop(fork, STOP_GRACE);
      throw new LoadException(
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
    return result();
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

  /** Gatling's HTML report index, when it has produced one (after a normal end). */
  public Optional<Path> gatlingReportIndex() {
    return files.gatlingReportIndex();
  }

  private synchronized LoadResult result() {
    tail.poll();
    return new LoadResult(
        tail.outcomes(), fork.exitValue(), files.gatlingReportIndex().orElse(null), elapsed());
  }

  private Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
