package dev.faultline.fault;

/** A fault that is on. {@link #rollback()} is idempotent and thread-safe. */
public interface ActiveFault {

    /** The fault's name in the experiment. */
    String name();

    /** Switches the fault off; safe to call more than once and from a shutdown hook. */
    void rollback();
}
