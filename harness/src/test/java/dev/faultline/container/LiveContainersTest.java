package dev.faultline.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Which leftovers a new session sweeps: those of a harness on this machine whose process is gone;
 * never those of a live harness, of another machine, or without an owner.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LiveContainersTest {

  private static Map<String, String> labels(String host, String ownerPid) {
    return Map.of(
        LiveContainers.RUN_LABEL,
        "20261130-drill",
        LiveContainers.HOST_LABEL,
        host,
        LiveContainers.OWNER_LABEL,
        ownerPid);
  }

  private static String goneProcess() throws Exception {
    Process p = new ProcessBuilder("true").start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return String.valueOf(p.pid());
  }

  @Test
  void the_leftovers_of_a_harness_that_is_gone_from_this_machine_are_swept() throws Exception {
    assertThat(LiveContainers.ownerGone(labels(LiveContainers.HOST, goneProcess()))).isTrue();
  }

  @Test
  void a_live_harness_keeps_its_containers() {
    assertThat(LiveContainers.ownerGone(labels(LiveContainers.HOST, LiveContainers.OWNER)))
        .isFalse();
  }

  @Test
  void another_machines_pids_mean_nothing_here() throws Exception {
    assertThat(LiveContainers.ownerGone(labels("another-" + LiveContainers.HOST, goneProcess())))
        .isFalse();
  }

  @Test
  void a_resource_without_a_readable_owner_is_left_alone() {
    assertThat(LiveContainers.ownerGone(labels(LiveContainers.HOST, "not-a-pid"))).isFalse();
    assertThat(LiveContainers.ownerGone(Map.of(LiveContainers.HOST_LABEL, LiveContainers.HOST)))
        .isFalse();
  }
}
