package dev.faultline.load;

/** How a {@link LoadStep}'s requests use connections. */
public enum Connection {
  /**
   * Connections are kept open and reused, shared by the step's virtual users. Gatling re-sends a
   * request whose reused connection closed before any answer; such a request is recorded
   * INDETERMINATE (see {@link OutcomeClassifier}).
   */
  KEEP_ALIVE,
  /** Every request is sent with {@code Connection: close} on a new connection of its own. */
  CLOSE
}
