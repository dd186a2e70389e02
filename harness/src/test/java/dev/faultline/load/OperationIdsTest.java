package dev.faultline.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OperationIdsTest {

  @Test
  void an_id_names_its_step_its_run_and_its_count() {
    OperationIds ids = new OperationIds("k3x9q2a");

    assertThat(ids.of("increment", 12)).isEqualTo("increment-k3x9q2a-12");
  }

  @Test
  void every_load_run_draws_its_own_run_part_of_seven_characters() {
    Set<String> runs = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      String run = OperationIds.fresh().run();
      assertThat(run).matches("[0-9a-z]{7}");
      runs.add(run);
    }

    assertThat(runs)
        .as("a second run must not send the first run's ids to a service that remembers them")
        .hasSize(1_000);
  }
}
