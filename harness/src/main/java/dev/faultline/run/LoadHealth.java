package dev.faultline.run;

import dev.faultline.check.CheckContext;
import dev.faultline.check.ErrorRates;
import dev.faultline.check.RequestScope;
import dev.faultline.experiment.FaultSpec;
import dev.faultline.experiment.LoadSpec;
import dev.faultline.load.Outcome;
import dev.faultline.load.RequestOutcome;
import dev.faultline.report.FaultWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a run's load exercised the service, and what honest timing shows, from the measured
 * requests (warm-up left out) and the fault windows. A step whose requests clear of every fault
 * window are ok less often than its {@code min-ok} did not exercise the service: the run is
 * INCONCLUSIVE. Requests that failed outside every window, and faults switched later than declared
 * by more than {@link #LATE_TOLERANCE}, are findings. Pure and thread-safe.
 */
final class LoadHealth {

  /** How late a fault may go on or off before the run says so. */
  static final Duration LATE_TOLERANCE = Duration.ofMillis(250);

  /** Failures this early in the measured load point at a cold service. */
  private static final long EARLY_MILLIS = 5_000;

  private LoadHealth() {}

  /**
   * The requests of the measured load: those that started at or after its start (the warm-up's are
   * left out).
   */
  static List<RequestOutcome> measured(List<RequestOutcome> outcomes, Instant measuredStart) {
    long from = measuredStart == null ? Long.MIN_VALUE : measuredStart.toEpochMilli();
    return outcomes.stream().filter(r -> r.startMillis() >= from).toList();
  }

  /** The fault windows that went on, as checks see them. */
  static List<CheckContext.Window> windows(List<FaultWindow> windows) {
    return windows.stream()
        .filter(w -> w.on() != null)
        .map(w -> new CheckContext.Window(w.on(), w.off()))
        .toList();
  }

  /**
   * Why the load did not exercise the service, one line per step that fell short; empty when every
   * step was exercised.
   */
  static List<String> unexercised(
      List<LoadSpec> steps, List<RequestOutcome> measured, List<CheckContext.Window> windows) {
    List<String> out = new ArrayList<>();
    for (LoadSpec step : steps) {
      List<RequestOutcome> outside =
          RequestScope.outside(
              measured.stream().filter(r -> r.step().equals(step.name())).toList(), windows);
      long ok = outside.stream().filter(r -> r.outcome() == Outcome.OK).count();
      if (outside.isEmpty()
          || step.minOk() == null
          || ok >= Math.ceil(step.minOk().fraction() * outside.size() - 1e-9)) {
        continue;
      }
      String cause =
          ErrorRates.causes(outside).entrySet().stream()
              .findFirst()
              .map(c -> "; most frequent cause: " + c.getKey() + " (" + c.getValue() + ")")
              .orElse("");
      out.add(
          "step "
              + step.name()
              + ": only "
              + ok
              + " of "
              + outside.size()
              + " requests outside fault windows were ok ("
              + ErrorRates.percent((double) ok / outside.size())
              + ", below min-ok "
              + step.minOk()
              + ")"
              + cause);
    }
    return out;
  }

  /** Requests not ok outside every fault window, as one finding; empty when there are none. */
  static Optional<String> failuresOutsideFaults(
      List<RequestOutcome> measured, List<CheckContext.Window> windows, Instant measuredStart) {
    List<RequestOutcome> bad =
        RequestScope.outside(measured, windows).stream()
            .filter(r -> r.outcome() != Outcome.OK)
            .sorted(Comparator.comparingLong(RequestOutcome::startMillis))
            .toList();
    if (bad.isEmpty()) {
      return Optional.empty();
    }
    RequestOutcome first = bad.get(0);
    long early =
        bad.stream()
            .filter(r -> r.startMillis() - measuredStart.toEpochMilli() < EARLY_MILLIS)
            .count();
    String cause = first.error() != null ? first.error() : "HTTP status " + first.status();
    return Optional.of(
        bad.size()
            + " of "
            + measured.size()
            + " requests failed or timed out outside any fault window: first at "
            + seconds(first.startMillis() - measuredStart.toEpochMilli())
            + " ("
            + first.opId()
            + ", "
            + first.outcome().name().toLowerCase(Locale.ROOT)
            + ": "
            + cause
            + ")"
            + (early * 2 >= bad.size()
                ? " — most in the first 5 s: the service may need a warm-up (warm-up: 3s on the load step)"
                : ""));
  }

  /** A finding per fault switched on or off later than declared by more than the tolerance. */
  static List<String> lateFaults(
      List<FaultSpec> faults, List<FaultWindow> windows, Instant measuredStart) {
    List<String> out = new ArrayList<>();
    Map<String, FaultSpec> byName = new HashMap<>();
    faults.forEach(f -> byName.put(f.name(), f));
    for (FaultWindow w : windows) {
      FaultSpec f = byName.get(w.name());
      if (f == null || w.on() == null) {
        continue;
      }
      Instant declaredOn = measuredStart.plus(f.at());
      long lateOn = Duration.between(declaredOn, w.on()).toMillis();
      if (lateOn > LATE_TOLERANCE.toMillis()) {
        out.add(
            "fault "
                + f.name()
                + " went on "
                + seconds(lateOn)
                + " late: declared at "
                + seconds(f.at().toMillis())
                + ", on at "
                + seconds(Duration.between(measuredStart, w.on()).toMillis()));
      }
      if (f.window().isPresent() && w.off() != null) {
        // "for" counts from when the fault actually went on (FaultSchedule): a late start is
        // reported above, not a second time as a late end
        long dueOff = Duration.between(measuredStart, w.on().plus(f.window().get())).toMillis();
        long off = Duration.between(measuredStart, w.off()).toMillis();
        if (off - dueOff > LATE_TOLERANCE.toMillis()) {
          out.add(
              "fault "
                  + f.name()
                  + " went off "
                  + seconds(off - dueOff)
                  + " late: due off at "
                  + seconds(dueOff)
                  + " ("
                  + seconds(f.window().get().toMillis())
                  + " after it went on), off at "
                  + seconds(off));
        }
      }
    }
    return out;
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
