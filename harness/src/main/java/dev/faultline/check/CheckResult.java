package dev.faultline.check;

import java.util.List;
import java.util.Locale;

/**
 * What one check found: what it measured, the bound it held it to, the value it observed, and the
 * evidence (lost operation ids, leaked thread stacks, a deadlock cycle, late responses).
 *
 * @param name the check's name in the experiment
 * @param kind the check's kind, e.g. counter-consistency
 * @param measured what was measured, in one phrase
 * @param bound the bound the observation must respect, e.g. "value in [1996, 2000]"
 * @param observed what was observed, e.g. "value = 1874"
 * @param evidence lines of evidence, most telling first
 */
public record CheckResult(
    String name,
    String kind,
    CheckStatus status,
    String measured,
    String bound,
    String observed,
    List<String> evidence) {

  public CheckResult {
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }

  public boolean passed() {
    return status == CheckStatus.PASSED;
  }

  /** One sentence for consoles and JUnit messages. */
  public String summary() {
    return name
        + " "
        + status.name().toLowerCase(Locale.ROOT)
        + ": "
        + measured
        + "; expected "
        + bound
        + ", observed "
        + observed;
  }
}
