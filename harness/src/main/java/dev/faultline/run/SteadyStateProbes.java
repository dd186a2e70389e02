package dev.faultline.run;

import dev.faultline.check.CheckContext;
import dev.faultline.check.CheckResult;
import dev.faultline.check.Checks;
import dev.faultline.experiment.CheckSpecs;
import dev.faultline.experiment.Experiment;
import dev.faultline.load.RequestOutcome;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The experiment's steady-state probes, run before anything is injected and again after rollback;
 * each result goes to the journal. Thread-safe as its probes are.
 */
record SteadyStateProbes(Experiment experiment, Deployment deployment, RunJournal journal) {

  /** The steady-state probes before anything is injected; the reason to abort when one fails. */
  Optional<String> before() {
    for (CheckResult r : probe("before")) {
      if (!r.passed()) {
        return Optional.of(
            "steady state does not hold before the experiment: "
                + r.summary()
                + (r.evidence().isEmpty() ? "" : " — " + r.evidence().get(0)));
      }
    }
    return Optional.empty();
  }

  /**
   * The steady-state probes after rollback, reported as checks named steady-state:&lt;probe&gt;.
   */
  List<CheckResult> after() {
    return probe("after");
  }

  private List<CheckResult> probe(String when) {
    List<CheckResult> out = new ArrayList<>();
    CheckContext context = addresses();
    for (CheckSpecs.Invariant probe : experiment.steadyState()) {
      CheckResult r = Checks.steadyState(probe).evaluate(context);
      journal.record(
          "steady-state",
          probe.name(),
          when + ": " + r.summary(),
          Map.of("status", r.status().name()));
      out.add(r);
    }
    return out;
  }

  private CheckContext addresses() {
    return new CheckContext() {
      @Override
      public URI baseUrl(String target) {
        return deployment.targets().get(target).baseUrl();
      }

      @Override
      public List<RequestOutcome> outcomes(String step) {
        return List.of();
      }
    };
  }
}
