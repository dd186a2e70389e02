package dev.faultline.container;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A run id becomes a Docker network name and a label: it is refused before Docker is asked. */
class ContainerSessionTest {

  @Test
  void a_run_id_that_is_not_a_docker_name_is_refused_with_what_is_allowed() {
    assertThatThrownBy(() -> ContainerSession.open("-drill"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("runId must be letters, digits, '.', '-' or '_', got \"-drill\"");
    assertThatThrownBy(() -> ContainerSession.open("drill/1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("runId must be letters, digits, '.', '-' or '_', got \"drill/1\"");
  }
}
