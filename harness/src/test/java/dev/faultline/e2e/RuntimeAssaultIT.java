package dev.faultline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.fault.ActiveFault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chaos Monkey's runtime assaults (memory, CPU, kill-application), started with a runtime attack.
 */
class RuntimeAssaultIT {

  private static final String YAML =
      """
            name: runtime-assaults
            targets:
              counter: { builtin: counter }
            load:
              - { name: l, target: counter, request: POST /counter/increment, rate: 1/s, duration: 1s }
            faults:
              - name: heap
                assault: { target: counter, memory: true }
                for: 1s
              - name: burn
                assault: { target: counter, cpu: true }
                for: 1s
              - name: exit
                assault: { target: counter, kill-application: true }
            checks:
              - counter-consistency: { target: counter, load: l }
            """;

  @Test
  @Timeout(value = 150, unit = TimeUnit.SECONDS)
  void memoryAndCpuAssaultsAreVerifiedOffAfterRollbackAndKillApplicationLeavesNothingToDisable(
      @TempDir Path folder) throws Exception {
    try (Drill drill = Drill.start(folder, YAML)) {
      URI counter = drill.target("counter").baseUrl();
      for (String name : new String[] {"heap", "burn"}) {
        ActiveFault f = drill.injectors.forFault(drill.fault(name)).apply(drill.fault(name));
        f.rollback();
        assertThat(
                Drill.json(counter, "GET", "/actuator/chaosmonkey/status")
                    .path("enabled")
                    .asBoolean())
            .as(name)
            .isFalse();
        assertThat(
                Drill.json(counter, "GET", "/actuator/chaosmonkey/assaults")
                    .path(name.equals("heap") ? "memoryActive" : "cpuActive")
                    .asBoolean())
            .as(name)
            .isFalse();
      }
      long pid = drill.pid("counter");
      ActiveFault exit = drill.injectors.forFault(drill.fault("exit")).apply(drill.fault("exit"));
      await("Chaos Monkey ends the application")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> !drill.target("counter").isAlive());
      exit.rollback();
      assertThat(exit.figures()).containsEntry("targetGone", "true");
      assertThat(exit.summary())
          .isEqualTo("target counter was not running at rollback: nothing to disable");
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }
  }
}
