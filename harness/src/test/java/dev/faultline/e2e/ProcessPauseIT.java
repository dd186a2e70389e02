package dev.faultline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.fault.ActiveFault;
import dev.faultline.process.StoppedProcesses;
import java.net.URI;
import java.net.http.HttpTimeoutException;
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
class ProcessPauseIT {

  private static final String YAML =
      """
            name: paused
            targets:
              downstream: { builtin: downstream }
            load:
              - { name: l, target: downstream, request: "GET /work?ms=1", rate: 1/s, duration: 1s }
            faults:
              - name: hung
                pause-process: { target: downstream }
                for: 2s
            checks:
              - counter-consistency: { target: downstream, load: l }
            """;

  private Drill drill;

  @BeforeAll
  void startDownstream(@TempDir Path folder) {
    drill = Drill.start(folder, YAML);
  }

  @AfterAll
  void stopDownstream() {
    if (drill != null) {
      drill.close();
    }
  }

  @Test
  void aPausedProcessIsStoppedSoCallersTimeOutAndTheRollbackResumesIt() throws Exception {
    URI downstream = drill.target("downstream").baseUrl();
    long pid = drill.pid("downstream");
    ActiveFault hung = drill.injectors.forFault(drill.fault("hung")).apply(drill.fault("hung"));
    try {
      assertThat(StoppedProcesses.state(pid)).as("/proc/%d/stat", pid).contains('T');
      assertThat(StoppedProcesses.stopped()).containsKey(pid);
      assertThatThrownBy(() -> Drill.send(downstream, "GET", "/work?ms=1", Duration.ofSeconds(1)))
          .as("a hung worker: the connection is accepted, nothing answers")
          .isInstanceOf(HttpTimeoutException.class);
    } finally {
      hung.rollback();
    }
    assertThat(StoppedProcesses.state(pid)).as("running again").isPresent().get().isNotEqualTo('T');
    assertThat(StoppedProcesses.stopped()).isEmpty();
    assertThat(Drill.send(downstream, "GET", "/work?ms=1", Duration.ofSeconds(5)).statusCode())
        .isEqualTo(200);
    assertThat(hung.figures()).containsKey("pausedMillis");
    hung.rollback();
    assertThat(StoppedProcesses.state(pid)).isPresent().get().isNotEqualTo('T');
  }

  @Test
  void stoppingAPausedTargetResumesItFirstSoItEndsPromptly(@TempDir Path folder) {
    try (Drill other = Drill.start(folder, YAML)) {
      long pid = other.pid("downstream");
      other.injectors.forFault(other.fault("hung")).apply(other.fault("hung"));
      assertThat(StoppedProcesses.isStopped(pid)).isTrue();
      long t0 = System.nanoTime();
      other.target("downstream").close();
      assertThat(Duration.ofNanos(System.nanoTime() - t0))
          .as("SIGTERM acted at once, no 10 s grace spent")
          .isLessThan(Duration.ofSeconds(8));
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
      assertThat(StoppedProcesses.stopped()).doesNotContainKey(pid);
    }
  }
}
