package dev.faultline.fault;

import dev.faultline.experiment.FaultSpec;
import dev.faultline.experiment.ProcessFaults;
import dev.faultline.target.ContainerControl;
import dev.faultline.target.Target;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code kill-process} and {@code pause-process} on a target. A container ({@link ContainerControl})
 * is killed with {@code docker kill}, paused with {@code docker pause}, and — with {@code
 * restart-after} — restarted by the rollback; a process target is killed with SIGKILL (pausing and
 * restarting processes are not in this injector). Thread-safe.
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
            // The schedule switches the fault off after its window; restarting is that rollback.
            return new Once(fault, restartAfter == null ? () -> { } : () -> c.restart(RESTART_HEALTHY_BOUND));
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
