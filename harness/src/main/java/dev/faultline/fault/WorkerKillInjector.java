package dev.faultline.fault;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.experiment.FaultSpec;
import dev.faultline.experiment.TargetFaults.KillWorker;
import dev.faultline.launch.Target;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Worker threads of the batch target die mid-task with an uncaught error, planned through its
 * {@code POST /batch/failures}: the next {@code count} tasks, or each with probability {@code rate}
 * drawn from the experiment's seed, so a run is reproducible. Rollback plans no failures and reads
 * the plan back. Thread-safe.
 */
record WorkerKillInjector(Target target, long seed) implements FaultInjector {

  static final String FAILURES = "/batch/failures";
  static final String STATS = "/batch/stats";

  @Override
  public ActiveFault apply(FaultSpec fault) {
    KillWorker k = (KillWorker) fault.kind();
    TargetHttp http = new TargetHttp(fault.name(), target.baseUrl());
    long failedBefore = tasksFailed(http);
    String query =
        k.count() != null
            ? "?count=" + k.count()
            : "?rate=" + k.rate().fraction() + "&seed=" + seed;
    JsonNode plan = http.postForJson(FAILURES + query);
    boolean planned =
        k.count() != null
            ? plan.path("count").asInt() == k.count()
            : plan.path("rate").asDouble() == k.rate().fraction();
    ActiveKill active = new ActiveKill(fault.name(), http, failedBefore);
    if (!planned) {
      active.rollback();
      throw new FaultException(
          fault.name(),
          "target "
              + target.name()
              + " answered "
              + plan
              + " to POST "
              + FAILURES
              + query
              + "; the plan did not take");
    }
    return active;
  }

  private static long tasksFailed(TargetHttp http) {
    return http.get(STATS).path("tasksFailed").asLong();
  }

  /** Failures planned; rollback plans none and proves it. */
  private final class ActiveKill extends OnceRollback {
    private final TargetHttp http;
    private final long failedBefore;
    private volatile long killed = -1;

    ActiveKill(String name, TargetHttp http, long failedBefore) {
      super(name);
      this.http = http;
      this.failedBefore = failedBefore;
    }

    @Override
    protected void undo() {
      http.post(FAILURES + "?rate=0&count=0", null);
      JsonNode plan = http.get(FAILURES);
      if (plan.path("rate").asDouble(-1) != 0 || plan.path("count").asInt(-1) != 0) {
        throw new FaultException(
            name(),
            "target "
                + target.name()
                + " still plans failures after the rollback: GET "
                + FAILURES
                + " answered "
                + plan);
      }
      killed = tasksFailed(http) - failedBefore;
    }

    @Override
    public Map<String, String> figures() {
      Map<String, String> f = new LinkedHashMap<>();
      f.put("target", target.name());
      if (killed >= 0) {
        f.put("workersKilled", String.valueOf(killed));
      }
      return f;
    }

    @Override
    public String summary() {
      return killed < 0
          ? ""
          : killed
              + " worker"
              + (killed == 1 ? "" : "s")
              + " of "
              + target.name()
              + " died mid-task";
    }
  }
}
