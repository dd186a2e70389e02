package dev.faultline.fault;

import dev.faultline.experiment.FaultSpec;
import dev.faultline.experiment.ProcessFaults;
import dev.faultline.target.ContainerControl;
import dev.faultline.target.Target;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code kill-process} and {@code pause-process} on a target. A container ({@link ContainerControl})
 * is killed with {@code docker kill} and — with {@code restart-after} — restarted that long after
 * (or when the fault is switched off, if sooner), and paused with {@code docker pause} while the
 * fault is on; a process target is killed with SIGKILL (pausing and restarting processes are not
 * in this injector). Thread-safe.
 */
public final class TargetProcessInjector implements FaultInjector {

    private static final Duration RESTART_HEALTHY_BOUND = Duration.ofSeconds(90);

    private final Map<String, Target> targets;

    public TargetProcessInjector(Map<String, Target> targets) {
        this.targets = Map.copyOf(targets);
    }

    @Override
    public ActiveFault apply(FaultSpec fault) {
        if (fault.kind() instanceof ProcessFaults.KillProcess k) {
            return kill(fault.name(), target(fault, k.target()), k.restartAfter());
        }
        if (fault.kind() instanceof ProcessFaults.PauseProcess p) {
            Target t = target(fault, p.target());
            if (!(t instanceof ContainerControl c)) {
                throw new FaultException(fault.name(), "pause-process on target " + t.name() + ": only launch: container targets can be paused in this build; "
                        + "set launch: container (or ./faultline run --launch container)", null);
            }
            c.pause();
            return new Once(fault.name(), c::unpause);
        }
        throw new IllegalArgumentException(fault.name() + " is not a kill-process or pause-process fault");
    }

    private static ActiveFault kill(String fault, Target t, Duration restartAfter) {
        if (t instanceof ContainerControl c) {
            c.kill();
            if (restartAfter == null) {
                return new Once(fault, () -> { });
            }
            ContainerRestart restart = new ContainerRestart(fault, c);
            CompletableFuture.delayedExecutor(restartAfter.toMillis(), TimeUnit.MILLISECONDS).execute(restart::run);
            // Switching the fault off (end of window, abort) restarts it now if the timer has not yet.
            return new Once(fault, restart::runAndAwait);
        }
        ProcessHandle process = t.process().orElseThrow(() -> new FaultException(fault, "target " + t.name() + " has no process Faultline started (attached by URL?)", null));
        if (restartAfter != null) {
            throw new FaultException(fault, "restart-after on process target " + t.name() + " is not supported in this build; use launch: container, or drop restart-after", null);
        }
        process.destroyForcibly();
        return new Once(fault, () -> { });
    }

    private Target target(FaultSpec fault, String name) {
        Target t = targets.get(name);
        if (t == null) {
            throw new FaultException(fault.name(), "no target " + name + " in this run", null);
        }
        return t;
    }

    /** Restarts a killed container once: on its timer or on rollback, whichever comes first; the other waits for it. */
    private static final class ContainerRestart {
        private final String fault;
        private final ContainerControl container;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final CompletableFuture<Duration> done = new CompletableFuture<>();

        ContainerRestart(String fault, ContainerControl container) {
            this.fault = fault;
            this.container = container;
        }

        void run() {
            if (claimed.compareAndSet(false, true)) {
                try {
                    done.complete(container.restart(RESTART_HEALTHY_BOUND));
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            }
        }

        void runAndAwait() {
            run();
            try {
                done.get(RESTART_HEALTHY_BOUND.toSeconds() + 30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw new FaultException(fault, "restart failed: " + e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException e) {
                throw new FaultException(fault, "restart did not finish within " + (RESTART_HEALTHY_BOUND.toSeconds() + 30) + " s", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FaultException(fault, "interrupted while waiting for the restart", e);
            }
        }
    }

    /** Runs its undo once. */
    private static final class Once implements ActiveFault {
        private final String name;
        private final Runnable undo;
        private final AtomicBoolean done = new AtomicBoolean();

        Once(String name, Runnable undo) {
            this.name = name;
            this.undo = undo;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void rollback() {
            if (done.compareAndSet(false, true)) {
                try {
                    undo.run();
                } catch (RuntimeException e) {
                    throw new FaultException(name, "rollback failed: " + e.getMessage(), e);
                }
            }
        }
    }
}
