package dev.faultline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.api.CheckOutcome;
import dev.faultline.api.Faultline;
import dev.faultline.api.RunResult;
import dev.faultline.api.RunSettings;
import dev.faultline.check.CheckStatus;
import dev.faultline.report.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service that outlives the runs and remembers every operation id it applied: the example
 * inventory (examples/jdk-http-service), whose {@code op} is the client's idempotency key, as
 * idempotency keys usually are. Two runs against it, through the public API, must both pass
 * counter-consistency: a run that sent the previous run's ids would have its reservations answered
 * from memory and not applied, and the check would see acknowledged increments missing.
 */
class AttachedIdempotentServiceIT {

  @TempDir Path dir;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void two_runs_against_one_service_that_remembers_ids_both_pass() throws Exception {
    Path home = E2eSupport.home();
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    Process inventory =
        new ProcessBuilder(
                "java",
                "examples/jdk-http-service/InventoryService.java",
                "--port",
                String.valueOf(port),
                "--bind",
                "127.0.0.1")
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("inventory.log").toFile())
            .start();
    try {
      awaitHealthy(port);
      Path experiment = experiment(port);

      RunResult first = run(home, experiment, "first");
      RunResult second = run(home, experiment, "second");

      for (RunResult result : new RunResult[] {first, second}) {
        CheckOutcome reserved = result.check("reserved-once");
        assertThat(reserved.status()).as(reserved.message()).isEqualTo(CheckStatus.PASSED);
        assertThat(result.verdict()).as(result.verdictSentence()).isEqualTo(Verdict.MET);
      }
    } finally {
      inventory.destroy();
      if (!inventory.waitFor(20, TimeUnit.SECONDS)) {
        inventory.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static RunResult run(Path home, Path experiment, String name) {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    RunResult result =
        Faultline.run(
            Faultline.load(experiment),
            RunSettings.reportsIn(experiment.getParent().resolve("reports-" + name))
                .withHome(home)
                .withOutput(new PrintStream(console, true, StandardCharsets.UTF_8)));
    System.out.println(name + ": " + result.verdictSentence());
    return result;
  }

  private Path experiment(int port) throws IOException {
    return Files.writeString(
        dir.resolve("attached-inventory.yaml"),
        """
        name: attached-inventory
        description: "An inventory that was running before the run and remembers applied ids."
        expect: pass
        seed: 7
        request-timeout: 2s
        budget: 1m
        targets:
          inventory:
            url: http://127.0.0.1:%d
            health: /health
        load:
          - name: reserve
            target: inventory
            request: POST /reservations?sku=plum&qty=1&op=${op}
            workload: open
            rate: 20/s
            duration: 3s
            max-requests: 200
        checks:
          - counter-consistency:
              name: reserved-once
              target: inventory
              load: reserve
              read: GET /reservations
              value: /reserved
              ops: GET /reservations/ops
        """
            .formatted(port));
  }

  private static void awaitHealthy(int port) {
    HttpClient http = HttpClient.newHttpClient();
    await("the inventory is up")
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(
            () ->
                http.send(
                            HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/health"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                    == 200);
  }
}
