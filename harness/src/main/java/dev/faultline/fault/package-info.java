/**
 * Faults behind one small interface: {@link dev.faultline.fault.FaultInjector#apply} switches a
 * fault on and returns an {@link dev.faultline.fault.ActiveFault} whose rollback always runs — on
 * schedule, on abort, on Ctrl-C. Network faults go through the official Toxiproxy Java client, to
 * the embedded server or a real Toxiproxy alike.
 */
package dev.faultline.fault;
