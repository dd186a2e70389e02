package dev.faultline.builtin.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The harness switches Chaos Monkey at run time through these endpoints; they must answer. */
class ChaosMonkeyActuatorTest {

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void chaosMonkeyEndpointsAnswerAndTheMonkeyStartsDisabled() {
    try (RunningTarget target =
        RunningTarget.start("counter", "locked", "--spring.profiles.active=chaos-monkey")) {
      assertThat(target.get("/actuator/chaosmonkey/status").get("enabled").asBoolean()).isFalse();
      assertThat(target.get("/actuator/chaosmonkey/watchers").get("restController").asBoolean())
          .isTrue();
      assertThat(target.get("/actuator/chaosmonkey/assaults").has("latencyActive")).isTrue();
      assertThat(target.get("/actuator/chaosmonkey").has("chaosMonkeyProperties")).isTrue();

      assertThat(target.post("/actuator/chaosmonkey/enable").get("enabled").asBoolean()).isTrue();
      assertThat(target.get("/actuator/chaosmonkey/status").get("enabled").asBoolean()).isTrue();
      assertThat(target.post("/actuator/chaosmonkey/disable").get("enabled").asBoolean()).isFalse();
      assertThat(target.post("/counter/increment").get("value").asLong()).isEqualTo(1);
    }
  }
}
