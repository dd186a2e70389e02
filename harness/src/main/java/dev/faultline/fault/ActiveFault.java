package dev.faultline.fault;

import java.util.Map;

/** A fault that is on. {@link #rollback()} is idempotent and thread-safe. */
public interface ActiveFault {

  /** The fault's name in the experiment. */
  String name();

  /** Switches the fault off; safe to call more than once and from a shutdown hook. */
  void rollback();

  /**
   * What the fault measured so far, for machines (the journal's event data), e.g. {@code
   * downtimeMillis=4310}. Complete once {@link #rollback()} returned.
   */
  default Map<String, String> figures() {
    return Map.of();
  }

  /**
   * The same figures in one readable phrase for the report, e.g. "downtime 4.31 s"; empty if none.
   */
  default String summary() {
    return "";
  }
}
