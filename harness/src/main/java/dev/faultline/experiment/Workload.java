package dev.faultline.experiment;

/** How load arrives. */
@Doc(
    "open: new requests arrive at a fixed rate whatever the answers take. closed: a fixed number of users each send one request after another.")
public enum Workload {
  OPEN,
  CLOSED
}
