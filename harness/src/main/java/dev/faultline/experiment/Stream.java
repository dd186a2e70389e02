package dev.faultline.experiment;

/** The direction of a connection a network fault acts on, as in Toxiproxy. */
@Doc("downstream: server to client (answers). upstream: client to server (requests).")
public enum Stream {
  DOWNSTREAM,
  UPSTREAM
}
