package dev.faultline.load;

import dev.faultline.process.ChildProcesses;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Gatling fork started ahead of its plan (see {@link GatlingLoad#prepare}): it has loaded Gatling
 * and waits for {@link #start}. {@link #close()} stops it if it was never started. Thread-safe.
 */
public final class PreparedLoad implements AutoCloseable {

  private final String experiment;
  private final Duration requestTimeout;
  private final ForkFiles files;
  private final Process fork;
  private final AtomicBoolean started = new AtomicBoolean();

  PreparedLoad(String experiment, Duration requestTimeout, ForkFiles files, Process fork) {
    this.experiment = experiment;
    this.requestTimeout = requestTimeout;
    this.files = files;
    this.fork = fork;
  }

  /**
   * Hands the fork its plan: load begins. The plan must be for the same experiment and request
   * timeout.
   */
  public LoadRun start(LoadPlan plan) {
    if (!plan.experiment().equals(experiment) || !plan.requestTimeout().equals(requestTimeout)) {
      throw new IllegalArgumentException(
          "the plan of '"
              + plan.experiment()
              + "' (request timeout "
              + plan.requestTimeout()
              + ") does not match the fork prepared for '"
              + experiment
              + "' (request timeout "
              + requestTimeout
              + ")");
    }
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException(
          "the prepared load of '" + experiment + "' was already started");
    }
    if (!fork.isAlive()) {
      throw new LoadException(
          "the Gatling fork prepared for '"
              + experiment
              + "' exited early (code "
              + fork.exitValue()
              + "); see "
              + files.gatlingLog());
    }
    files.writePlan(plan);
    return new LoadRun(plan, files, fork);
  }

  /**
   * When the fork had Gatling started and began to wait for its plan; empty while it still starts.
   */
  public Optional<Instant> readyAt() {
    return ForkFiles.readStamp(files.ready());
  }

  /** Whether Gatling's start-up was over by now: then only the plan is left to wait for. */
  public String readiness() {
    return readyAt()
        .map(
            ready ->
                "Gatling started ahead, ready "
                    + Duration.between(ready, Instant.now()).toMillis()
                    + " ms before its plan")
        .orElse("Gatling still starting: the first request waits for it");
  }

  /** Stops the fork unless {@link #start} handed it a plan (then the {@link LoadRun} owns it). */
  @Override
  public void close() {
    if (started.compareAndSet(false, true)) {
      ChildProcesses.stop(fork, Duration.ofSeconds(LoadRun.STOP_GRACE_SECONDS));
    }
  }
}
