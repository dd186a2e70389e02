package dev.faultline.load.e2e;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ClosedWorkloadIT {

  private static final int USERS = 4;

  @TempDir Path runDir;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aClosedWorkloadOf4UsersNeverHasMoreThan4RequestsInFlightAndMaxRequestsCapsAStep() {
    try (RecordingServer server = new RecordingServer(50)) {
      LoadStep closed =
          new LoadStep(
              "closed",
              server.baseUrl(),
              "GET",
              "/slow/${op}",
              null,
              null,
              Workload.CLOSED,
              0,
              USERS,
              Duration.ZERO,
              Duration.ofSeconds(2),
              0);
      LoadStep capped =
          new LoadStep(
              "capped",
              server.baseUrl(),
              "GET",
              "/ok/${op}",
              null,
              null,
              Workload.CLOSED,
              0,
              3,
              Duration.ZERO,
              Duration.ofSeconds(30),
              7); // the cap, not the time, ends it
      LoadPlan plan = new LoadPlan("closed-e2e", List.of(closed, capped), Duration.ofSeconds(5), 1);

      LoadResult result = GatlingLoad.start(plan, runDir).await(Duration.ofSeconds(25));

      assertThat(server.peakInFlight())
          .as("closed model: at most one request per user in flight")
          .isEqualTo(USERS);
      assertThat(result.ofStep("closed"))
          .as(
              "4 users looping for 2 s: each sends at least once, and at ~50 ms per request no more than 170")
          .hasSizeBetween(USERS, 170)
          .allMatch(o -> o.outcome() == Outcome.OK);
      assertThat(result.ofStep("capped"))
          .map(RequestOutcome::opId)
          .as("maxRequests = 7, ids <step>-<run>-<n> with one run part")
          .allMatch(id -> id.matches("capped-[0-9a-z]{7}-[1-7]"))
          .extracting(id -> id.substring(id.lastIndexOf('-') + 1))
          .containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7");
      assertThat(result.outcomes())
          .map(o -> o.opId().split("-")[1])
          .as("every step of one load run shares its run part")
          .containsOnly(result.outcomes().get(0).opId().split("-")[1]);
      assertThat(server.paths()).filteredOn(p -> p.startsWith("/ok/")).hasSize(7);
      assertThat(result.outcomes()).map(RequestOutcome::opId).doesNotHaveDuplicates();
    }
  }
}
