package dev.faultline.check;

import dev.faultline.experiment.Percent;
import dev.faultline.load.Outcome;
import dev.faultline.load.RequestOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The judgement of error-rate, free of I/O: the share of requests not ok — failed (an error status,
 * or never connected) plus indeterminate (no answer after sending) — is at most the bound. Pure and
 * thread-safe.
 */
public final class ErrorRates {

  private static final int CAUSES_SHOWN = 5;

  private ErrorRates() {}

  /**
   * @param requests the requests considered (already narrowed to the scope)
   * @param scope which requests these are, in words
   */
  public static CheckResult judge(
      String name, List<RequestOutcome> requests, String scope, Percent atMost) {
    String measured = "the share of the " + scope + " that were not ok (failed or indeterminate)";
    String bound = "at most " + atMost;
    if (requests.isEmpty()) {
      return RequestScope.noRequests(name, "error-rate", measured, bound, scope);
    }
    long ok = requests.stream().filter(r -> r.outcome() == Outcome.OK).count();
    long failed = requests.stream().filter(r -> r.outcome() == Outcome.FAILED).count();
    long indeterminate = requests.size() - ok - failed;
    double share = (double) (failed + indeterminate) / requests.size();
    boolean holds = share <= atMost.fraction() + 1e-12;
    String rate = percent(share);
    List<String> evidence = new ArrayList<>();
    evidence.add(
        (failed + indeterminate)
            + " of "
            + requests.size()
            + " "
            + scope
            + " were not ok ("
            + rate
            + (holds ? ", within " : ", above ")
            + atMost
            + "): "
            + ok
            + " ok, "
            + failed
            + " failed, "
            + indeterminate
            + " indeterminate");
    causes(requests).forEach((cause, n) -> evidence.add("cause: " + n + " × " + cause));
    String observed =
        rate
            + " not ok ("
            + ok
            + " ok, "
            + failed
            + " failed, "
            + indeterminate
            + " indeterminate of "
            + requests.size()
            + ")";
    return new CheckResult(
        name,
        "error-rate",
        holds ? CheckStatus.PASSED : CheckStatus.FAILED,
        measured,
        bound,
        observed,
        evidence);
  }

  /** The most frequent causes of the requests not ok, most frequent first. */
  public static Map<String, Long> causes(List<RequestOutcome> requests) {
    Map<String, Long> counts =
        requests.stream()
            .filter(r -> r.outcome() != Outcome.OK)
            .collect(Collectors.groupingBy(ErrorRates::cause, Collectors.counting()));
    Map<String, Long> top = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(CAUSES_SHOWN)
        .forEach(e -> top.put(e.getKey(), e.getValue()));
    return top;
  }

  private static String cause(RequestOutcome r) {
    String why =
        r.error() != null
            ? r.error()
            : r.status() > 0 ? "HTTP status " + r.status() : "no cause recorded";
    return r.outcome().name().toLowerCase(Locale.ROOT) + ": " + why;
  }

  public static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }
}
