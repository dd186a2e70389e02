package com.example.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.api.ExperimentFile;
import dev.faultline.api.RunResult;
import dev.faultline.junit.FaultlineExtension;
import dev.faultline.junit.FaultlineRuns;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.AssertionFailedError;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The resilience stage's experiment, run by a test against the service this test started (on
 * 127.0.0.1, a free port): the experiment's {@code jar} target is replaced by the running
 * service's URL.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.address=127.0.0.1")
@ExtendWith(FaultlineExtension.class)
class ReservationsResilienceIT {

  @LocalServerPort int port;

  @Test
  @Timeout(120)
  void reservationsHoldUnderLatency(FaultlineRuns runs) {
    ExperimentFile experiment =
        runs.load(Path.of("src/faultline/reservations.yaml")).withTargetUrl("stock", service());

    RunResult result = runs.run(experiment);

    assertThat(result.expectationMet()).as(result.verdictSentence()).isTrue();
    assertThat(result.check("reservations-counted").message()).contains("passed");
  }

  @Test
  @Timeout(120)
  void anExperimentNotMetFailsWithItsVerdictAndReport(FaultlineRuns runs) {
    ExperimentFile control =
        runs.load(Path.of("src/faultline-demo-bug/reservations-demo-bug.yaml"))
            .withTargetUrl("stock", service());

    assertThatThrownBy(() -> runs.assertMet(control))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageStartingWith("Not met (control): the harness failed to see the bug")
        .hasMessageContaining("report: ");
  }

  private URI service() {
    return URI.create("http://127.0.0.1:" + port);
  }
}
