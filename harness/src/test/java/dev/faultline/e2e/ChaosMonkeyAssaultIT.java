package dev.faultline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.fault.ActiveFault;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChaosMonkeyAssaultIT {

  private static final String YAML =
      """
            name: assaults
            targets:
              counter: { builtin: counter, variant: locked }
            load:
              - { name: l, target: counter, request: POST /counter/increment, rate: 1/s, duration: 1s }
            faults:
              - name: slow
                assault: { target: counter, latency: { min: 400ms, max: 500ms } }
              - name: failing
                assault: { target: counter, exception: { type: java.lang.IllegalStateException, message: assaulted } }
            checks:
              - counter-consistency: { target: counter, load: l }
            """;

  private Drill drill;
  private URI counter;

  @BeforeAll
  void startCounter(@TempDir Path folder) {
    drill = Drill.start(folder, YAML);
    counter = drill.target("counter").baseUrl();
  }

  @AfterAll
  void stopCounter() {
    if (drill != null) {
      drill.close();
    }
  }

  @Test
  void
      aLatencyAssaultDelaysEveryIncrementAndItsRollbackLeavesChaosMonkeyOffWithTheWatchersRestored()
          throws Exception {
    JsonNode watchersBefore = Drill.json(counter, "GET", "/actuator/chaosmonkey/watchers");
    ActiveFault slow = drill.injectors.forFault(drill.fault("slow")).apply(drill.fault("slow"));
    try {
      assertThat(
              Drill.json(counter, "GET", "/actuator/chaosmonkey/status")
                  .path("enabled")
                  .asBoolean())
          .isTrue();
      long t0 = System.nanoTime();
      HttpResponse<String> r =
          Drill.send(counter, "POST", "/counter/increment", Duration.ofSeconds(10));
      long tookMillis = (System.nanoTime() - t0) / 1_000_000;
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(tookMillis)
          .as("Chaos Monkey delays the handler by 400..500 ms")
          .isGreaterThanOrEqualTo(400);
    } finally {
      slow.rollback();
    }
    assertChaosMonkeyOff();
    assertThat(Drill.json(counter, "GET", "/actuator/chaosmonkey/watchers"))
        .as("watchers as they were")
        .isEqualTo(watchersBefore);
    assertThat(slow.figures()).containsKeys("enabledAt", "enabledFor");
    assertThat(slow.summary()).contains("then disabled and verified off");
    slow.rollback(); // idempotent: a second rollback (e.g. the abort path after the schedule) is
    // harmless
    assertChaosMonkeyOff();
  }

  @Test
  void anExceptionAssaultFailsIncrementsBeforeTheHandlerRunsSoNoneIsApplied() throws Exception {
    Drill.json(counter, "POST", "/counter/reset");
    ActiveFault failing =
        drill.injectors.forFault(drill.fault("failing")).apply(drill.fault("failing"));
    try {
      for (int i = 0; i < 5; i++) {
        assertThat(
                Drill.send(counter, "POST", "/counter/increment?op=x" + i, Duration.ofSeconds(5))
                    .statusCode())
            .as("the assault answers an error")
            .isEqualTo(500);
      }
    } finally {
      failing.rollback();
    }
    assertChaosMonkeyOff();
    JsonNode truth = Drill.json(counter, "GET", "/counter");
    assertThat(truth.path("increments").asLong())
        .as("Chaos Monkey threw before the handler body: nothing was executed")
        .isZero();
    assertThat(truth.path("value").asLong()).isZero();
    assertThat(
            Drill.send(counter, "POST", "/counter/increment", Duration.ofSeconds(5)).statusCode())
        .as("recovered")
        .isEqualTo(200);
  }

  private void assertChaosMonkeyOff() {
    assertThat(
            Drill.json(counter, "GET", "/actuator/chaosmonkey/status").path("enabled").asBoolean())
        .as("disabled")
        .isFalse();
    JsonNode assaults = Drill.json(counter, "GET", "/actuator/chaosmonkey/assaults");
    for (String flag :
        new String[] {
          "latencyActive", "exceptionsActive", "killApplicationActive", "memoryActive", "cpuActive"
        }) {
      assertThat(assaults.path(flag).asBoolean()).as(flag).isFalse();
    }
  }
}
