package dev.faultline.experiment;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rules of the checks, the steady-state probes and caught-by: names unique, references to
 * declared targets, load steps and faults, and each kind's own combinations ({@link KindRules}).
 */
record CheckRules(RuleBook book) {

  void check() {
    book.requireSome(
        book.experiment.checks(),
        "checks",
        "no check is declared: an experiment without checks proves nothing",
        "add e.g. \"- counter-consistency: {target: counter, load: counter}\"");
    Set<String> names = new LinkedHashSet<>();
    Set<String> loads = book.loadNames();
    for (int i = 0; i < book.experiment.checks().size(); i++) {
      CheckSpec c = book.experiment.checks().get(i);
      String path = "checks[" + i + "]." + c.kindName();
      if (!names.add(c.name())) {
        book.error(
            path + ".name",
            "another check is named \"" + c.name() + "\"",
            "give each check of the same kind its own name");
      }
      c.match(new KindRules(book, path, book.faultNames()));
      book.targetReference(path + ".target", c.target());
      if (c.load() != null && !loads.contains(c.load())) {
        book.unknownReference(path + ".load", "load step", c.load(), loads);
      }
    }
    checkCaughtBy(names);
  }

  private void checkCaughtBy(Set<String> names) {
    if (book.experiment.expect() == Expectation.PASS && !book.experiment.caughtBy().isEmpty()) {
      book.error(
          "caught-by",
          "caught-by applies to controls only",
          "set \"expect: caught\", or remove caught-by");
    }
    for (int i = 0; i < book.experiment.caughtBy().size(); i++) {
      if (!names.contains(book.experiment.caughtBy().get(i))) {
        book.unknownReference(
            "caught-by[" + i + "]", "check", book.experiment.caughtBy().get(i), names);
      }
    }
  }

  /** The steady-state probes and the stop conditions' references. */
  void checkStopConditions() {
    for (int i = 0; i < book.experiment.steadyState().size(); i++) {
      CheckSpecs.Invariant probe = book.experiment.steadyState().get(i);
      checkInvariant(book, probe, "steady-state[" + i + "]");
      book.targetReference("steady-state[" + i + "].target", probe.target());
    }
    for (int i = 0; i < book.experiment.stopWhen().size(); i++) {
      if (book.experiment.stopWhen().get(i) instanceof StopConditions.TargetDied d) {
        book.targetReference("stop-when[" + i + "].target-died", d.target());
      }
    }
  }

  private static void checkInvariant(RuleBook book, CheckSpecs.Invariant i, String path) {
    if (i.equals() == null && i.atMost() == null && i.atLeast() == null) {
      book.error(path, "the invariant compares with nothing", "add equals, at-most or at-least");
    }
    if (!i.path().startsWith("$")) {
      book.error(
          path + ".path",
          "\"" + i.path() + "\" is not a JSONPath",
          "start it with $, e.g. $.tornReads");
    }
  }

  /**
   * Each kind's own rules, judged before its target and load references. Returns nothing: a case
   * only reports errors.
   */
  private record KindRules(RuleBook book, String path, Set<String> faults)
      implements CheckSpec.Cases<Void> {

    @Override
    public Void counterConsistency(CounterConsistencySpec spec) {
      if (!spec.value().startsWith("/")) {
        book.error(
            path + ".value",
            "\"" + spec.value() + "\" is not a JSON Pointer",
            "start it with /, e.g. /value");
      }
      return null;
    }

    @Override
    public Void timeoutsFire(CheckSpecs.TimeoutsFire spec) {
      if (spec.during() != null && !faults.contains(spec.during())) {
        book.unknownReference(path + ".during", "fault", spec.during(), faults);
      }
      if ((spec.stats() == null) != (spec.counter() == null)) {
        book.error(
            path,
            "stats and counter go together",
            "give both, e.g. stats: GET /aggregate/stats and counter: /timeoutsFired, or neither");
      }
      return null;
    }

    @Override
    public Void noThreadLeak(CheckSpecs.NoThreadLeak spec) {
      for (int i = 0; i < spec.ignore().size(); i++) {
        try {
          Pattern.compile(spec.ignore().get(i));
        } catch (PatternSyntaxException ex) {
          book.error(
              path + ".ignore[" + i + "]",
              "not a regular expression: " + ex.getDescription(),
              "e.g. \"http-nio-.*\"");
        }
      }
      return null;
    }

    @Override
    public Void noDeadlock(CheckSpecs.NoDeadlock spec) {
      return null;
    }

    @Override
    public Void invariant(CheckSpecs.Invariant spec) {
      checkInvariant(book, spec, path);
      return null;
    }

    @Override
    public Void responseTime(CheckSpecs.ResponseTime spec) {
      checkScope(spec.during(), spec.outsideFaults());
      if (!(spec.percentile() > 0 && spec.percentile() <= 100)) {
        book.error(
            path + ".percentile",
            "the percentile must lie above 0 and at most 100",
            "e.g. percentile: 99");
      }
      return null;
    }

    @Override
    public Void errorRate(CheckSpecs.ErrorRate spec) {
      checkScope(spec.during(), spec.outsideFaults());
      return null;
    }

    @Override
    public Void lockContention(CheckSpecs.LockContention spec) {
      if (spec.during() != null && !faults.contains(spec.during())) {
        book.unknownReference(path + ".during", "fault", spec.during(), faults);
      }
      if (spec.maxBlocked() == null && faults.isEmpty()) {
        book.error(
            path + ".max-blocked",
            "without max-blocked, lock-contention compares the load under each fault with the load"
                + " before the first fault, and this experiment has no fault",
            "give it a bound of its own, e.g. max-blocked: 1s");
      } else if (spec.maxBlocked() != null
          && (spec.maxBlocked().isNegative() || spec.maxBlocked().isZero())) {
        book.error(
            path + ".max-blocked",
            "the bound must be above zero: a single recorded wait is 10 ms or more",
            "e.g. max-blocked: 1s");
      }
      return null;
    }

    /**
     * The requests a latency or error check looks at: every one, those under a fault, or those
     * clear of every fault.
     */
    private void checkScope(String during, boolean outsideFaults) {
      if (during != null && !faults.contains(during)) {
        book.unknownReference(path + ".during", "fault", during, faults);
      }
      if (during != null && outsideFaults) {
        book.error(
            path + ".outside-faults",
            "during and outside-faults exclude each other",
            "keep one: during: <fault> or outside-faults: true");
      }
    }
  }
}
