package dev.faultline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing Faultline starts listens beyond loopback: the harness (proxy, game-day room), the Gatling
 * fork, and each target — its HTTP port and the JMX agent thread observation starts in it. Read
 * from /proc while a run with thread observation and a game day are under way.
 */
class LoopbackOnlyIT {

  @TempDir Path dir;

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void a_run_with_thread_observation_listens_on_loopback_only() throws Exception {
    Path experiment = observedExperiment("e2e-loopback-run", "40s");
    try (CliProcess cli =
        CliProcess.start(
            E2eSupport.home(),
            "run",
            "--reports",
            dir.resolve("reports").toString(),
            experiment.toString())) {
      await("load running")
          .atMost(Duration.ofMinutes(3))
          .until(() -> cli.printed("load running") || !cli.process().isAlive());
      assertLoopbackOnly(cli);
      cli.signal("INT");
      assertThat(cli.process().waitFor(60, TimeUnit.SECONDS))
          .as("the CLI exits after Ctrl-C")
          .isTrue();
    }
  }

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void a_game_day_listens_on_loopback_only() throws Exception {
    Path experiment = observedExperiment("e2e-loopback-gameday", "40s");
    try (CliProcess cli =
        CliProcess.start(
            E2eSupport.home(),
            "gameday",
            "--port",
            "0",
            "--reports",
            dir.resolve("reports").toString(),
            experiment.toString())) {
      await("game day room up")
          .atMost(Duration.ofMinutes(3))
          .until(() -> cli.printed("game day room:") || !cli.process().isAlive());
      assertLoopbackOnly(cli);
      cli.signal("INT");
      assertThat(cli.process().waitFor(60, TimeUnit.SECONDS))
          .as("the CLI exits after Ctrl-C")
          .isTrue();
    }
  }

  /**
   * Waits until the target's JMX agent is up beside its HTTP port, then checks every listener of
   * the family.
   */
  private static void assertLoopbackOnly(CliProcess cli) {
    assertThat(cli.process().isAlive()).as("the CLI still runs:\n" + cli.output()).isTrue();
    AtomicReference<List<ListeningSockets.Listener>> seen = new AtomicReference<>();
    await("the target listens on HTTP and JMX")
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              List<Long> family = new ArrayList<>();
              family.add(cli.process().pid());
              cli.process().descendants().forEach(p -> family.add(p.pid()));
              seen.set(ListeningSockets.of(family));
              // The harness (proxy API, a proxy, maybe the room) and the target with 2 listeners:
              // HTTP + JMX.
              return seen.get().stream().filter(l -> l.pid() != cli.process().pid()).count() >= 2;
            });
    System.out.println("LoopbackOnlyIT listeners: " + seen.get());
    assertThat(seen.get())
        .as("listeners of the harness and its children")
        .allMatch(ListeningSockets.Listener::loopbackOnly);
    assertThat(seen.get())
        .as("the harness itself listens (proxy)")
        .anyMatch(l -> l.pid() == cli.process().pid());
  }

  private Path observedExperiment(String name, String duration) throws Exception {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(
        file,
        """
                name: %s
                description: "end-to-end: every listener on loopback while threads are observed"
                expect: pass
                seed: 11
                targets:
                  counter: {builtin: counter, variant: locked, startup-timeout: 3m}
                proxies:
                  counter-front: {upstream: counter}
                load:
                  - name: increments
                    target: counter-front
                    request: POST /counter/increment?op=${op}
                    rate: 20/s
                    duration: %s
                faults:
                  - name: slow
                    at: 1s
                    for: 2s
                    latency: {proxy: counter-front, latency: 50ms}
                checks:
                  - no-thread-leak: {target: counter, settle: 5s}
                """
            .formatted(name, duration));
    return file;
  }
}
