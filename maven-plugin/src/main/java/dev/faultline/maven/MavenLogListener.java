package dev.faultline.maven;

import dev.faultline.api.CheckOutcome;
import dev.faultline.api.RunListener;
import dev.faultline.check.CheckStatus;
import org.apache.maven.plugin.logging.Log;

/**
 * A run's progress in Maven's log: phases, faults switched on and off, and each check's outcome (a
 * check that did not pass as a warning), each line prefixed with the experiment's name. Thread-safe
 * as Maven's log is.
 */
record MavenLogListener(Log log, String experiment) implements RunListener {

  @Override
  public void phase(String phase, String message) {
    log.info(prefix() + phase + ": " + message);
  }

  @Override
  public void faultInjected(String fault, String message) {
    log.info(prefix() + "fault " + fault + " on: " + message);
  }

  @Override
  public void faultRolledBack(String fault, String message) {
    log.info(prefix() + "fault " + fault + " off: " + message);
  }

  @Override
  public void checkFinished(CheckOutcome check) {
    String line =
        prefix() + "check " + check.name() + " " + check.status() + ": " + check.message();
    if (check.status() == CheckStatus.PASSED) {
      log.info(line);
    } else {
      log.warn(line);
    }
  }

  private String prefix() {
    return "[" + experiment + "] ";
  }
}
