package dev.faultline.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HealthAnswersTest {

  @Test
  void a_closed_port_and_503_while_starting_are_waited_out_then_2xx_is_healthy() {
    HealthAnswers a = new HealthAnswers("svc", "/health");

    for (int i = 0; i < 10; i++) {
      assertThat(a.healthy(0)).isFalse();
    }
    for (int i = 0; i < 10; i++) {
      assertThat(a.healthy(503)).isFalse();
    }
    assertThat(a.healthy(200)).isTrue();
  }

  @Test
  void a_404_given_three_polls_in_a_row_fails_with_the_path_and_the_fix() {
    HealthAnswers a = new HealthAnswers("svc", "/actuator/health");

    assertThat(a.healthy(404)).isFalse();
    assertThat(a.healthy(404)).isFalse();
    assertThatThrownBy(() -> a.healthy(404))
        .isInstanceOf(TargetStartException.class)
        .hasMessage(
            "target svc: GET /actuator/health answered 404: set `health:` to a path your service answers 2xx on");
  }

  @Test
  void a_401_says_credentials_are_asked_for() {
    HealthAnswers a = new HealthAnswers("svc", "/health");
    a.healthy(401);
    a.healthy(401);

    assertThatThrownBy(() -> a.healthy(401))
        .hasMessage(
            "target svc: GET /health answered 401 (it asks for credentials Faultline does not send): "
                + "set `health:` to a path your service answers 2xx on");
  }
}
