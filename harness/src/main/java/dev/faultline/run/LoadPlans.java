package dev.faultline.run;

import dev.faultline.experiment.Connection;
import dev.faultline.experiment.Experiment;
import dev.faultline.experiment.LoadSpec;
import dev.faultline.experiment.Workload;
import dev.faultline.load.LoadPlan;
import dev.faultline.load.LoadStep;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an experiment's load section into a Gatling {@link LoadPlan} aimed at a deployment: as
 * declared (a run), or steady for a bounded length (a game day). Stateless.
 */
final class LoadPlans {

  /**
   * A steady closed step sends at most this many requests per user per second, as its request cap.
   */
  private static final int CLOSED_CAP_PER_USER_SECOND = 200;

  private LoadPlans() {}

  /**
   * The load as the experiment declares it. Each step warms up for its own warm-up, ending when the
   * longest one does, so that every step's measured load starts at the same moment; an open step's
   * request cap grows by what its warm-up sends.
   */
  static LoadPlan declared(Experiment e, Deployment d) {
    List<LoadStep> steps = new ArrayList<>();
    for (LoadSpec l : e.load()) {
      LoadStep s = step(l, d.addressOf(l.target()), l.duration(), l.maxRequests());
      long warmUpCap =
          l.workload() == Workload.OPEN && l.maxRequests() > 0
              ? (long) Math.ceil(l.rate().perSecond() * l.warmUp().toMillis() / 1000.0)
              : 0;
      steps.add(
          new LoadStep(
              s.name(),
              s.baseUrl(),
              s.method(),
              s.path(),
              s.headers(),
              s.body(),
              s.workload(),
              s.ratePerSecond(),
              s.users(),
              s.ramp(),
              s.duration(),
              (int) Math.min(Integer.MAX_VALUE, s.maxRequests() + warmUpCap),
              e.warmUp().minus(l.warmUp()),
              l.warmUp(),
              s.connection()));
    }
    return new LoadPlan(e.name(), steps, e.requestTimeout(), e.seed());
  }

  /**
   * Every step at its declared rate (or users) for {@code length} instead of its duration; the
   * request cap is the declared one, or what that rate could send in {@code length}, so even a
   * steady load is bounded in count as well as time.
   */
  static LoadPlan steady(Experiment e, Deployment d, Duration length) {
    List<LoadStep> steps = new ArrayList<>();
    for (LoadSpec l : e.load()) {
      long seconds = Math.max(1, length.toSeconds());
      long cap =
          l.maxRequests() > 0
              ? l.maxRequests()
              : l.workload() == Workload.OPEN
                  ? (long) Math.ceil(l.rate().perSecond() * seconds) + 1
                  : (long) l.users() * seconds * CLOSED_CAP_PER_USER_SECOND;
      steps.add(step(l, d.addressOf(l.target()), length, (int) Math.min(Integer.MAX_VALUE, cap)));
    }
    return new LoadPlan(e.name(), steps, e.requestTimeout(), e.seed());
  }

  private static LoadStep step(LoadSpec l, URI base, Duration duration, int maxRequests) {
    return new LoadStep(
        l.name(),
        base.toString(),
        l.request().method(),
        l.request().path(),
        l.headers(),
        l.body(),
        l.workload() == Workload.OPEN
            ? dev.faultline.load.Workload.OPEN
            : dev.faultline.load.Workload.CLOSED,
        l.rate() == null ? 0 : l.rate().perSecond(),
        l.users() == null ? 0 : l.users(),
        l.ramp(),
        duration,
        maxRequests,
        Duration.ZERO,
        Duration.ZERO,
        l.connection() == Connection.KEEP_ALIVE
            ? dev.faultline.load.Connection.KEEP_ALIVE
            : dev.faultline.load.Connection.CLOSE);
  }
}
