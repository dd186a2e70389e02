package dev.faultline.experiment;

/** How a load step's requests use connections. */
@Doc(
    "close: every request on a new connection of its own (Connection: close), so a refused connect means never sent. keep-alive: connections are reused, about twice the requests per second at less than half the load CPU per request; a request Gatling re-sends after its reused connection closed without an answer is indeterminate.")
public enum Connection {
  KEEP_ALIVE,
  CLOSE
}
