package dev.faultline.load.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.load.GatlingLoad;
import dev.faultline.load.LoadPlan;
import dev.faultline.load.LoadResult;
import dev.faultline.load.LoadStep;
import dev.faultline.load.Outcome;
import dev.faultline.load.Workload;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class OutcomeClassificationIT {

  @TempDir Path runDir;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void a500IsFailedAndAConnectionRefusedBecauseNothingListensIsFailed() throws IOException {
    try (RecordingServer server = new RecordingServer(0)) {
      String closedPortUrl = "http://127.0.0.1:" + freePort();
      LoadPlan plan =
          new LoadPlan(
              "classification-failed-e2e",
              List.of(
                  step("error", server.baseUrl(), "/fail/${op}"),
                  step("refused", closedPortUrl, "/ok/${op}")),
              Duration.ofSeconds(10),
              7);

      LoadResult result = GatlingLoad.start(plan, runDir).await(Duration.ofSeconds(50));

      assertThat(result.ofStep("error"))
          .hasSize(5)
          .allSatisfy(
              o -> {
                assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
                assertThat(o.status()).isEqualTo(500);
                assertThat(o.error()).isEqualTo("HTTP status 500");
              });
      assertThat(result.ofStep("refused"))
          .hasSize(5)
          .allSatisfy(
              o -> {
                assertThat(o.outcome())
                    .as("never sent: nothing listened on the port")
                    .isEqualTo(Outcome.FAILED);
                assertThat(o.status()).isZero();
                assertThat(o.error()).contains("ConnectException").contains("Connection refused");
              });
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aRequestTheServerNeverAnswersIsIndeterminateAfterTheRequestTimeout() {
    try (RecordingServer server = new RecordingServer(0)) {
      LoadPlan plan =
          new LoadPlan(
              "classification-indeterminate-e2e",
              List.of(step("held", server.baseUrl(), "/hold/${op}")),
              Duration.ofMillis(300),
              7);

      LoadResult result = GatlingLoad.start(plan, runDir).await(Duration.ofSeconds(50));

      assertThat(result.ofStep("held"))
          .hasSize(5)
          .allSatisfy(
              o -> {
                assertThat(o.outcome()).isEqualTo(Outcome.INDETERMINATE);
                assertThat(o.status()).isZero();
                assertThat(o.error()).contains("Request timeout").contains("after 300 ms");
                assertThat(o.latencyMicros())
                    .as("bounded by the 300 ms request timeout")
                    .isBetween(290_000L, 3_000_000L);
              });
      assertThat(server.paths())
          .as("the held requests did reach the server")
          .containsExactlyInAnyOrderElementsOf(
              result.ofStep("held").stream().map(o -> "/hold/" + o.opId()).toList());
    }
  }

  private static LoadStep step(String name, String baseUrl, String path) {
    return new LoadStep(
        name,
        baseUrl,
        "GET",
        path,
        null,
        null,
        Workload.OPEN,
        10,
        0,
        Duration.ZERO,
        Duration.ofSeconds(1),
        5);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
