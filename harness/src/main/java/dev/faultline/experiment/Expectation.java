package dev.faultline.experiment;

/** What an experiment is expected to show. */
@Doc(
    "pass: every check must hold. caught: a control with a known bug; the run meets its expectation only if the checks named in caught-by fail.")
public enum Expectation {
  PASS,
  CAUGHT
}
