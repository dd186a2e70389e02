package dev.faultline.fault;

import java.util.Map;

/**
 * Where a fault reports what happens while it is on — a process killed, restarted, healthy again —
 * at the moment it happens, so the run's journal and timeline show it. Implementations must be
 * thread-safe: faults report from their own threads.
 */
@FunctionalInterface
public interface FaultEvents {

  /** Discards every event. */
  FaultEvents NONE = (fault, message, data) -> {};

  /** Records that something happened to {@code fault} now. */
  void record(String fault, String message, Map<String, String> data);
}
