package dev.faultline.check;

import dev.faultline.load.RequestOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The judgement of response-time, free of I/O: the nearest-rank percentile of the requests' times
 * is at most the bound. A request that got an HTTP answer counts at its measured time, error status
 * or not (error-rate judges errors); a request that got no answer — timed out, reset, closed, or
 * refused — counts at least as the request timeout, since it was not served at all: losing requests
 * can never make the percentile look better. Pure and thread-safe.
 */
final class ResponseTimes {

  private static final int SHOWN = 10;

  private ResponseTimes() {}

  /** A request and the time it counts for. */
  record Timed(RequestOutcome request, long countedMicros) {}

  /**
   * @param target the target named in the report; null names none
   * @param requests the requests considered (already narrowed to the scope)
   * @param scope which requests these are, in words, e.g. "requests of step increments that started
   *     while slow was on"
   * @param requestTimeout what an unanswered request counts as, at least; zero when unknown
   */
  public static CheckResult judge(
      String name,
      String target,
      List<RequestOutcome> requests,
      String scope,
      double percentile,
      Duration atMost,
      Duration requestTimeout) {
    String measured =
        "p"
            + number(percentile)
            + " of the time to an answer of the "
            + scope
            + (target == null ? "" : " at target " + target);
    String bound =
        "p"
            + number(percentile)
            + " at most "
            + atMost.toMillis()
            + " ms (a request without an answer counts at least as the request timeout, "
            + requestTimeout.toMillis()
            + " ms)";
    if (requests.isEmpty()) {
      return RequestScope.noRequests(name, "response-time", measured, bound, scope);
    }
    long timeoutMicros = requestTimeout.toNanos() / 1000;
    List<Timed> timed =
        requests.stream()
            .map(
                r ->
                    new Timed(
                        r,
                        r.status() > 0
                            ? r.latencyMicros()
                            : Math.max(r.latencyMicros(), timeoutMicros)))
            .sorted(Comparator.comparingLong(Timed::countedMicros).reversed())
            .toList();
    long[] sorted = timed.stream().mapToLong(Timed::countedMicros).sorted().toArray();
    long value = percentileOf(sorted, percentile);
    long unanswered = requests.stream().filter(r -> r.status() == 0).count();
    long above = Arrays.stream(sorted).filter(v -> v > atMost.toNanos() / 1000).count();
    boolean holds = value <= atMost.toNanos() / 1000;
    List<String> evidence = new ArrayList<>();
    evidence.add(
        "p"
            + number(percentile)
            + " of "
            + requests.size()
            + " "
            + scope
            + " was "
            + ms(value)
            + (holds ? ", within " : ", above ")
            + atMost.toMillis()
            + " ms; "
            + above
            + " took longer than "
            + atMost.toMillis()
            + " ms");
    if (unanswered > 0) {
      evidence.add(
          unanswered
              + " got no answer and count as at least the request timeout ("
              + requestTimeout.toMillis()
              + " ms)");
    }
    timed.stream().limit(SHOWN).forEach(t -> evidence.add("slow: " + describe(t)));
    String observed =
        "p"
            + number(percentile)
            + " = "
            + ms(value)
            + " over "
            + requests.size()
            + " requests ("
            + unanswered
            + " without an answer)";
    return new CheckResult(
        name,
        "response-time",
        holds ? CheckStatus.PASSED : CheckStatus.FAILED,
        measured,
        bound,
        observed,
        evidence);
  }

  /** Nearest-rank percentile of ascending values; the request at rank ceil(p/100 * n). */
  static long percentileOf(long[] ascending, double percentile) {
    int rank = (int) Math.ceil(percentile / 100.0 * ascending.length);
    return ascending[Math.min(ascending.length - 1, Math.max(0, rank - 1))];
  }

  private static String describe(Timed t) {
    RequestOutcome r = t.request();
    String answer =
        r.status() > 0
            ? "HTTP " + r.status()
            : "no answer" + (r.error() != null ? " (" + r.error() + ")" : "");
    String counted =
        t.countedMicros() == r.latencyMicros() ? "" : ", counted as " + ms(t.countedMicros());
    return r.opId()
        + " "
        + r.outcome()
        + " "
        + answer
        + " after "
        + ms(r.latencyMicros())
        + counted;
  }

  static String ms(long micros) {
    return String.format(Locale.ROOT, "%,.1f ms", micros / 1000.0);
  }

  private static String number(double p) {
    return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
  }
}
