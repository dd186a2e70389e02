package dev.faultline.fault;

import static org.awaitility.Awaitility.await;

import dev.faultline.experiment.FaultSpec;
import dev.faultline.experiment.TargetFaults.KillProcess;
import dev.faultline.launch.ContainerControl;
import dev.faultline.launch.Restartable;
import dev.faultline.launch.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Kills a target's process with SIGKILL ({@link ProcessHandle#destroyForcibly()}) — or, for a
 * container target ({@link ContainerControl}), with {@code docker kill}: no shutdown hook, no
 * graceful close, like the OOM killer. With {@code restart-after}, a restarter thread starts the
 * target again on the same port after that delay and measures the downtime (kill to healthy) and
 * the time to healthy (restart to healthy); both go to the journal as they happen and into the
 * fault's figures. Rollback restarts at once if the delay has not run out yet, and waits (bounded)
 * for the restart to finish. Thread-safe.
 */
record ProcessKillInjector(Target target, FaultEvents events) implements FaultInjector {

  private static final Duration EXIT_BOUND = Duration.ofSeconds(10);
  private static final Duration RESTART_SLACK = Duration.ofSeconds(30);

  /** The process of a target Faultline started; a fault naming another target cannot apply. */
  static ProcessHandle processOf(String fault, Target target, String verb) {
    ProcessHandle p =
        target
            .process()
            .orElseThrow(
                () ->
                    new FaultException(
                        fault,
                        "target "
                            + target.name()
                            + " has no process Faultline started (it is attached by url), so Faultline cannot "
                            + verb
                            + " it; give it a builtin, jar or command"));
    if (!p.isAlive()) {
      throw new FaultException(
          fault,
          "target "
              + target.name()
              + " (pid "
              + p.pid()
              + ") is not running, so Faultline cannot "
              + verb
              + " it");
    }
    return p;
  }

  @Override
  public ActiveFault apply(FaultSpec fault) {
    KillProcess k = (KillProcess) fault.kind();
    if (k.restartAfter() != null && !(target instanceof Restartable)) {
      throw new FaultException(
          fault.name(),
          "target "
              + target.name()
              + " cannot be restarted by Faultline; remove restart-after or start it as a builtin, jar or command");
    }
    if (target instanceof ContainerControl c) {
      return afterKill(fault.name(), k, killContainer(fault.name(), c));
    }
    ProcessHandle p = processOf(fault.name(), target, "kill");
    Instant killedAt = Instant.now();
    long killedNanos = System.nanoTime();
    p.destroyForcibly();
    try {
      p.onExit().get(EXIT_BOUND.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new FaultException(
          fault.name(),
          "pid "
              + p.pid()
              + " of target "
              + target.name()
              + " still runs "
              + EXIT_BOUND.toSeconds()
              + " s after SIGKILL",
          e);
    } catch (InterruptedException e) {
      throw FaultException.interrupted(fault.name(), "pid " + p.pid() + " to die", e);
    }
    Killed killed = new Killed("pid", String.valueOf(p.pid()), killedAt, killedNanos);
    journalKill(fault.name(), killed, "SIGKILL to", "gone");
    return afterKill(fault.name(), k, killed);
  }

  /** What was killed ({@code pid 4242} or {@code container 0123456789ab}) and when. */
  private record Killed(String kind, String id, Instant at, long nanos) {}

  /**
   * {@code docker kill} (SIGKILL to the container's init), then waits until Docker sees it exited.
   */
  private Killed killContainer(String fault, ContainerControl c) {
    String id = c.containerId().substring(0, 12);
    Instant killedAt = Instant.now();
    long killedNanos = System.nanoTime();
    c.kill();
    try {
      await("container " + id + " of target " + target.name() + " exited")
          .atMost(EXIT_BOUND)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> !target.isAlive());
    } catch (ConditionTimeoutException e) {
      throw new FaultException(
          fault,
          "container "
              + id
              + " of target "
              + target.name()
              + " still runs "
              + EXIT_BOUND.toSeconds()
              + " s after docker kill",
          e);
    }
    Killed killed = new Killed("container", id, killedAt, killedNanos);
    journalKill(fault, killed, "docker kill of", "exited");
    return killed;
  }

  /** Journals a kill once its process is gone: how, of what, and how long it took to go. */
  private void journalKill(String fault, Killed killed, String how, String gone) {
    long exitMillis = (System.nanoTime() - killed.nanos()) / 1_000_000;
    events.record(
        fault,
        how
            + " target "
            + target.name()
            + " ("
            + killed.kind()
            + " "
            + killed.id()
            + "); "
            + gone
            + " after "
            + exitMillis
            + " ms",
        Map.of(
            "event",
            "killed",
            "target",
            target.name(),
            killed.kind(),
            killed.id(),
            "killedAt",
            killed.at().toString()));
  }

  private ActiveFault afterKill(String fault, KillProcess k, Killed killed) {
    ActiveKill active = new ActiveKill(fault, killed);
    if (k.restartAfter() != null) {
      active.startRestarter((Restartable) target, k.restartAfter());
    }
    return active;
  }

  /** A killed process; with a restart planned, rollback makes it happen now and waits for it. */
  private final class ActiveKill extends OnceRollback {
    private final Killed killed;
    private final Instant killedAt;
    private final long killedNanos;
    private final CountDownLatch restartNow = new CountDownLatch(1);
    private final CompletableFuture<Void> restarted = new CompletableFuture<>();
    private volatile boolean restartPlanned;
    private volatile long downtimeMillis = -1;
    private volatile long timeToHealthyMillis = -1;

    ActiveKill(String name, Killed killed) {
      super(name, false);
      this.killed = killed;
      this.killedAt = killed.at();
      this.killedNanos = killed.nanos();
    }

    void startRestarter(Restartable restartable, Duration after) {
      restartPlanned = true;
      Thread t =
          new Thread(() -> restartAfter(restartable, after), "faultline-restart-" + target.name());
      t.setDaemon(true);
      t.start();
    }

    private void restartAfter(Restartable restartable, Duration after) {
      try {
        // Not a sleep to let things settle: the delay is the fault's parameter, and rollback may
        // cut it short.
        restartNow.await(after.toMillis(), TimeUnit.MILLISECONDS);
        long restartNanos = System.nanoTime();
        events.record(
            name(),
            "restarting target " + target.name() + " on " + target.baseUrl(),
            Map.of("event", "restarting", "target", target.name()));
        restartable.restart();
        long healthyNanos = System.nanoTime();
        downtimeMillis = (healthyNanos - killedNanos) / 1_000_000;
        timeToHealthyMillis = (healthyNanos - restartNanos) / 1_000_000;
        events.record(
            name(), "target " + target.name() + " healthy again: " + summary(), figures());
        restarted.complete(null);
      } catch (InterruptedException e) {
        restarted.completeExceptionally(e);
      } catch (RuntimeException e) {
        events.record(
            name(),
            "restart of target " + target.name() + " failed: " + e.getMessage(),
            Map.of("event", "restart-failed", "target", target.name()));
        restarted.completeExceptionally(e);
      }
    }

    @Override
    protected void undo() {
      if (!restartPlanned) {
        return;
      }
      restartNow.countDown();
      try {
        restarted.get(RESTART_SLACK.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        throw new FaultException(
            name(),
            "target " + target.name() + " did not come back: " + e.getCause().getMessage(),
            e.getCause());
      } catch (TimeoutException e) {
        throw new FaultException(
            name(),
            "target "
                + target.name()
                + " was not healthy "
                + RESTART_SLACK.toSeconds()
                + " s after its restart began",
            e);
      } catch (InterruptedException e) {
        throw FaultException.interrupted(name(), "target " + target.name() + " to restart", e);
      }
    }

    @Override
    public Map<String, String> figures() {
      Map<String, String> f = new LinkedHashMap<>();
      f.put("target", target.name());
      f.put(killed.kind(), killed.id());
      f.put("killedAt", killedAt.toString());
      if (downtimeMillis >= 0) {
        f.put("downtimeMillis", String.valueOf(downtimeMillis));
        f.put("timeToHealthyMillis", String.valueOf(timeToHealthyMillis));
      }
      return f;
    }

    @Override
    public String summary() {
      if (downtimeMillis >= 0) {
        return String.format(
            "downtime %.2f s (SIGKILL to healthy), time to healthy %.2f s (restart to healthy)",
            downtimeMillis / 1000.0, timeToHealthyMillis / 1000.0);
      }
      return restartPlanned
          ? ""
          : killed.kind() + " " + killed.id() + " of " + target.name() + " killed, not restarted";
    }
  }
}
