package dev.faultline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.fault.ActiveFault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ProcessKillIT {

  private static final String YAML =
      """
            name: killed
            targets:
              counter: { builtin: counter }
              durable: { builtin: counter, variant: durable }
            load:
              - { name: l, target: counter, request: POST /counter/increment, rate: 1/s, duration: 1s }
            faults:
              - name: crash
                kill-process: { target: counter, restart-after: 1s }
              - name: crash-late-restart
                kill-process: { target: counter, restart-after: 10m }
              - name: crash-durable
                kill-process: { target: durable, restart-after: 10m }
            checks:
              - counter-consistency: { target: counter, load: l }
            """;

  private Drill drill;
  private Path folder;

  @BeforeAll
  void startCounter(@TempDir Path folder) {
    this.folder = folder;
    drill = Drill.start(folder, YAML);
  }

  @AfterAll
  void stopCounter() {
    if (drill != null) {
      drill.close();
    }
  }

  @Test
  void aKilledTargetComesBackOnTheSamePortAfterTheDelayWithDowntimeAndTimeToHealthyMeasured()
      throws Exception {
    URI counter = drill.target("counter").baseUrl();
    long oldPid = drill.pid("counter");
    ActiveFault crash = drill.injectors.forFault(drill.fault("crash")).apply(drill.fault("crash"));
    assertThat(ProcessHandle.of(oldPid).map(ProcessHandle::isAlive).orElse(false))
        .as("SIGKILLed")
        .isFalse();
    assertThat(drill.target("counter").isAlive()).isFalse();
    await("healthy again")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> drill.events.stream().anyMatch(e -> e.message().contains("healthy again")));
    crash.rollback();

    assertThat(drill.pid("counter")).as("a new process").isNotEqualTo(oldPid);
    assertThat(drill.target("counter").baseUrl()).isEqualTo(counter);
    assertThat(
            Drill.send(counter, "POST", "/counter/increment", Duration.ofSeconds(5)).statusCode())
        .isEqualTo(200);
    long downtime = Long.parseLong(crash.figures().get("downtimeMillis"));
    long toHealthy = Long.parseLong(crash.figures().get("timeToHealthyMillis"));
    assertThat(downtime).as("at least the restart delay").isGreaterThanOrEqualTo(1000);
    assertThat(toHealthy).isPositive().isLessThan(downtime);
    assertThat(crash.summary()).startsWith("downtime ");
    assertThat(drill.events)
        .extracting(e -> e.data().get("event"))
        .containsSubsequence("killed", "restarting");
    System.out.printf("kill-process: downtime %d ms, time to healthy %d ms%n", downtime, toHealthy);
  }

  @Test
  void aRollbackBeforeTheDelayRestartsTheTargetAtOnce() throws Exception {
    URI counter = drill.target("counter").baseUrl();
    ActiveFault crash =
        drill
            .injectors
            .forFault(drill.fault("crash-late-restart"))
            .apply(drill.fault("crash-late-restart"));
    long t0 = System.nanoTime();
    crash.rollback();
    assertThat(Duration.ofNanos(System.nanoTime() - t0))
        .as("not the 10 minutes of restart-after")
        .isLessThan(Duration.ofSeconds(90));
    assertThat(Drill.send(counter, "GET", "/counter", Duration.ofSeconds(5)).statusCode())
        .isEqualTo(200);
    assertThat(crash.figures()).containsKey("downtimeMillis");
  }

  @Test
  void aKilledDurableCounterIsRestartedOnTheSameDataFolderAndKeepsEveryAcknowledgedIncrement() {
    URI durable = drill.target("durable").baseUrl();
    for (String op : List.of("a", "b", "c")) {
      Drill.json(durable, "POST", "/counter/increment?op=" + op);
    }
    long oldPid = drill.pid("durable");

    ActiveFault crash =
        drill.injectors.forFault(drill.fault("crash-durable")).apply(drill.fault("crash-durable"));
    crash.rollback(); // restarts at once and waits until it is healthy

    assertThat(drill.pid("durable")).as("a new process").isNotEqualTo(oldPid);
    assertThat(Drill.json(durable, "GET", "/counter").get("value").asLong()).isEqualTo(3);
    assertThat(Drill.json(durable, "GET", "/counter/ops").get("applied").toString())
        .isEqualTo("[\"a\",\"b\",\"c\"]");
    assertThat(folder.resolve("target-durable-data/counter.journal"))
        .as("beside the target's log")
        .exists();
  }
}
