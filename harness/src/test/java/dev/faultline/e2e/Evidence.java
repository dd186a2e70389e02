package dev.faultline.e2e;

import dev.faultline.check.CheckResult;

/**
 * Prints a check's result as the report would show it, so the test log holds real evidence to read.
 */
final class Evidence {

  private Evidence() {}

  static void show(CheckResult r) {
    StringBuilder b = new StringBuilder(r.summary());
    r.evidence().forEach(line -> b.append("\n    ").append(line));
    System.out.println(b);
  }
}
