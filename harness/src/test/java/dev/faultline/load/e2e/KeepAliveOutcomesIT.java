package dev.faultline.load.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.load.Connection;
import dev.faultline.load.GatlingLoad;
import dev.faultline.load.LoadPlan;
import dev.faultline.load.LoadResult;
import dev.faultline.load.LoadStep;
import dev.faultline.load.Outcome;
import dev.faultline.load.RequestOutcome;
import dev.faultline.load.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class KeepAliveOutcomesIT {

  @TempDir Path runDir;

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void aKeptAliveConnectionDroppedMidRequestIsNeverResentAndNeverCountedOk() {
    try (DroppingServer server = new DroppingServer(7, 11)) {
      LoadStep step =
          new LoadStep(
              "kept",
              server.baseUrl(),
              "GET",
              "/ok/${op}",
              null,
              null,
              Workload.CLOSED,
              0,
              4,
              Duration.ZERO,
              Duration.ofSeconds(2),
              3_000,
              Duration.ZERO,
              Duration.ZERO,
              Connection.KEEP_ALIVE);
      LoadPlan plan = new LoadPlan("keep-alive-drops-e2e", List.of(step), Duration.ofSeconds(5), 7);

      LoadResult result = GatlingLoad.start(plan, runDir).await(Duration.ofSeconds(60));

      Map<String, Integer> arrivals = server.arrivals();
      assertThat(server.dropped())
          .as("the server dropped connections mid-request, so Gatling wanted to re-send")
          .isPositive();
      assertThat(arrivals.values())
          .as("no request reached the server twice: Gatling's re-send was refused")
          .allMatch(n -> n == 1);
      assertThat(result.count(Outcome.INDETERMINATE))
          .as("each dropped request is indeterminate")
          .isGreaterThanOrEqualTo(server.dropped());
      List<RequestOutcome> ok =
          result.ofStep("kept").stream().filter(o -> o.outcome() == Outcome.OK).toList();
      assertThat(ok)
          .as("every OK request arrived exactly once")
          .allSatisfy(o -> assertThat(arrivals.get("/ok/" + o.opId())).isEqualTo(1));
      long applied = arrivals.size();
      assertThat(applied)
          .as("applied requests lie in [ok, ok + indeterminate]")
          .isBetween(
              result.count(Outcome.OK),
              result.count(Outcome.OK) + result.count(Outcome.INDETERMINATE));
      assertThat(result.count(Outcome.OK))
          .as("the load mostly worked")
          .isGreaterThan(result.outcomes().size() / 2);
    }
  }

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void aKeepAliveStepSendsManyRequestsPerConnection() {
    try (DroppingServer server = new DroppingServer(Integer.MAX_VALUE, Integer.MAX_VALUE)) {
      LoadStep step =
          new LoadStep(
              "kept",
              server.baseUrl(),
              "GET",
              "/ok/${op}",
              null,
              null,
              Workload.CLOSED,
              0,
              2,
              Duration.ZERO,
              Duration.ofSeconds(1),
              500,
              Duration.ZERO,
              Duration.ZERO,
              Connection.KEEP_ALIVE);
      LoadPlan plan = new LoadPlan("keep-alive-reuse-e2e", List.of(step), Duration.ofSeconds(5), 7);

      LoadResult result = GatlingLoad.start(plan, runDir).await(Duration.ofSeconds(60));

      assertThat(result.count(Outcome.OK)).isEqualTo(result.outcomes().size()).isPositive();
      assertThat(server.connections())
          .as("connections are reused: far fewer than requests")
          .isLessThanOrEqualTo(4);
    }
  }
}
