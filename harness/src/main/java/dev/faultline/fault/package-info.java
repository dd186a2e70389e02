/**
 * Faults behind one small interface: {@link dev.faultline.fault.FaultInjector#apply} switches a
 * fault on and returns an {@link dev.faultline.fault.ActiveFault} whose rollback always runs — on
 * schedule, on abort, on Ctrl-C — and is idempotent. {@link dev.faultline.fault.FaultInjectors}
 * picks the injector for a fault:
 *
 * <ul>
 *   <li>network faults: Toxiproxy toxics through the official Java client, to the embedded server
 *       or a real Toxiproxy alike;
 *   <li>{@code kill-process}: SIGKILL, optionally a restart on the same port, with downtime and
 *       time to healthy measured;
 *   <li>{@code pause-process}: SIGSTOP, then SIGCONT, via {@link
 *       dev.faultline.process.StoppedProcesses};
 *   <li>{@code kill-worker}: the batch target's planned worker deaths, seeded by the experiment;
 *   <li>{@code assault}: Chaos Monkey for Spring Boot through the target's actuator, verified off
 *       after rollback.
 * </ul>
 *
 * What a fault measures reaches the journal through {@link dev.faultline.fault.FaultEvents} as it
 * happens, and {@link dev.faultline.fault.ActiveFault#figures()} when it is rolled back. A JVM
 * shutdown hook rolls back any fault still on when the harness exits.
 */
package dev.faultline.fault;
