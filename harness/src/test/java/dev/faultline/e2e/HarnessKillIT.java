package dev.faultline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.process.StoppedProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness interrupted (SIGINT) or killed (SIGKILL) at seeded random moments of runs with every
 * fault kind — a toxic on a proxy, a killed and restarted process, a paused process (inside the
 * pause), an assault — and while its target starts. Afterwards nothing is left: no process (the
 * exit guardian included), none stopped, no port Faultline listened on still bound (so no proxy, no
 * toxic, no target whose assault could still be on); after SIGINT the CLI exits 130 with a report
 * whose verdict is ABORTED.
 */
class HarnessKillIT {

  private static final long SEED = 20261130L;
  private static final Duration GONE_BOUND = Duration.ofSeconds(15);

  @TempDir Path dir;

  private enum Moment {
    TARGET_START,
    LOAD,
    PAUSED
  }

  private record Trial(
      String kind, String faults, Moment moment, String signal, long delayMillis) {}

  @Test
  @Timeout(value = 20, unit = TimeUnit.MINUTES)
  void a_harness_interrupted_or_killed_at_any_moment_leaves_nothing_behind() throws Exception {
    Random random = new Random(SEED);
    List<Trial> trials = new ArrayList<>();
    for (String signal : List.of("INT", "KILL")) {
      trials.add(
          new Trial(
              "latency",
              """
                      - {name: slow, at: 0s, for: 30s, latency: {proxy: counter-front, latency: 100ms}}
                    """,
              Moment.LOAD,
              signal,
              random.nextInt(3000)));
      trials.add(
          new Trial(
              "kill-process",
              """
                      - {name: crash, at: 1s, kill-process: {target: counter, restart-after: 1s}}
                    """,
              Moment.LOAD,
              signal,
              random.nextInt(4000)));
      trials.add(
          new Trial(
              "pause-process",
              """
                      - {name: hung, at: 1s, for: 30s, pause-process: {target: counter}}
                    """,
              Moment.PAUSED,
              signal,
              random.nextInt(1000)));
      trials.add(
          new Trial(
              "assault",
              """
                      - {name: slow-handler, at: 0s, for: 30s, assault: {target: counter, latency: {min: 50ms, max: 100ms}, watchers: [rest-controller]}}
                    """,
              Moment.LOAD,
              signal,
              random.nextInt(3000)));
      trials.add(
          new Trial(
              "target-start",
              """
                      - {name: slow, at: 0s, for: 30s, latency: {proxy: counter-front, latency: 100ms}}
                    """,
              Moment.TARGET_START,
              signal,
              random.nextInt(1500)));
    }
    List<String> dirty = new ArrayList<>();
    int clean = 0;
    for (int i = 0; i < trials.size(); i++) {
      Trial t = trials.get(i);
      long t0 = System.nanoTime();
      List<String> problems = attempt(i, t);
      String line =
          String.format(
              "trial %d: %s, SIG%s %d ms after %s: %s (%d s)",
              i,
              t.kind(),
              t.signal(),
              t.delayMillis(),
              t.moment(),
              problems.isEmpty() ? "clean" : String.join("; ", problems),
              (System.nanoTime() - t0) / 1_000_000_000);
      System.out.println("HarnessKillIT " + line);
      if (problems.isEmpty()) {
        clean++;
      } else {
        dirty.add(line);
      }
    }
    System.out.printf("HarnessKillIT: tried %d, clean %d%n", trials.size(), clean);
    assertThat(dirty).as("trials that left something behind").isEmpty();
  }

  private List<String> attempt(int index, Trial t) throws Exception {
    Path experiment = experiment(index, t);
    Path reports = dir.resolve("reports-" + index);
    Set<ProcessHandle> family = new LinkedHashSet<>();
    Set<Integer> ports = new LinkedHashSet<>();
    List<String> problems = new ArrayList<>();
    try (CliProcess cli =
        CliProcess.start(
            E2eSupport.home(), "run", "--reports", reports.toString(), experiment.toString())) {
      if (!reached(cli, t.moment(), family, ports)) {
        return List.of("never reached " + t.moment() + ":\n" + cli.output());
      }
      watchFor(cli, Duration.ofMillis(t.delayMillis()), family, ports);
      long signalled = System.nanoTime();
      cli.signal(t.signal());
      if (!cli.process().waitFor(90, TimeUnit.SECONDS)) {
        problems.add("the CLI did not exit within 90 s");
      }
      try {
        await("every process gone")
            .atMost(GONE_BOUND)
            .pollInterval(Duration.ofMillis(200))
            .until(() -> family.stream().noneMatch(ProcessHandle::isAlive));
        System.out.printf(
            "HarnessKillIT: %d processes gone %d ms after SIG%s%n",
            family.size(), (System.nanoTime() - signalled) / 1_000_000, t.signal());
      } catch (ConditionTimeoutException e) {
        family.stream()
            .filter(ProcessHandle::isAlive)
            .forEach(
                p ->
                    problems.add(
                        "pid "
                            + p.pid()
                            + (StoppedProcesses.isStopped(p.pid())
                                ? " left STOPPED"
                                : " left running")
                            + ": "
                            + p.info().commandLine().orElse("?")));
      }
      List<Integer> bound = ListeningSockets.allListeningPorts();
      ports.stream()
          .filter(bound::contains)
          .forEach(p -> problems.add("port " + p + " still bound"));
      if (t.signal().equals("INT")) {
        checkAbortedReport(cli, reports, problems);
      }
    }
    return problems;
  }

  private static void checkAbortedReport(CliProcess cli, Path reports, List<String> problems)
      throws Exception {
    if (cli.process().exitValue() != 130) {
      problems.add("exit code " + cli.process().exitValue() + ", not 130");
    }
    Path run;
    try (Stream<Path> s = Files.list(reports)) {
      run = s.filter(Files::isDirectory).findFirst().orElse(null);
    }
    if (run == null
        || !Files.isRegularFile(run.resolve("index.html"))
        || !Files.isRegularFile(run.resolve("journal.json"))) {
      problems.add("no run folder with index.html and journal.json under " + reports);
      return;
    }
    String verdict =
        new ObjectMapper().readTree(run.resolve("journal.json").toFile()).path("verdict").asText();
    if (!verdict.equals("ABORTED")) {
      problems.add("verdict " + verdict + ", not ABORTED");
    }
  }

  /** Waits for the moment, noting every process and port of the harness's family on the way. */
  private static boolean reached(
      CliProcess cli, Moment moment, Set<ProcessHandle> family, Set<Integer> ports) {
    try {
      await(moment.name())
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(20))
          .until(
              () -> {
                note(cli, family, ports);
                return !cli.process().isAlive()
                    || switch (moment) {
                      case TARGET_START ->
                          family.stream()
                              .anyMatch(
                                  p ->
                                      p.info()
                                          .commandLine()
                                          .orElse("")
                                          .contains("faultline.service=counter"));
                      case LOAD -> cli.printed("load running");
                      case PAUSED ->
                          family.stream().anyMatch(p -> StoppedProcesses.isStopped(p.pid()));
                    };
              });
    } catch (ConditionTimeoutException e) {
      return false;
    }
    return cli.process().isAlive();
  }

  private static void watchFor(
      CliProcess cli, Duration delay, Set<ProcessHandle> family, Set<Integer> ports) {
    long end = System.nanoTime() + delay.toNanos();
    await("the chosen moment")
        .atMost(delay.plusSeconds(5))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              note(cli, family, ports);
              return System.nanoTime() >= end;
            });
  }

  private static void note(CliProcess cli, Set<ProcessHandle> family, Set<Integer> ports) {
    List<Long> pids = new ArrayList<>();
    pids.add(cli.process().pid());
    cli.process()
        .descendants()
        .forEach(
            p -> {
              family.add(p);
              pids.add(p.pid());
            });
    ListeningSockets.of(pids).forEach(l -> ports.add(l.port()));
  }

  private Path experiment(int index, Trial t) throws Exception {
    Path file = dir.resolve("kill-" + index + ".yaml");
    Files.writeString(
        file,
        """
                name: e2e-harness-kill-%d
                description: "end-to-end: the harness interrupted or killed during %s"
                expect: pass
                seed: %d
                targets:
                  counter: {builtin: counter, variant: locked, startup-timeout: 3m}
                proxies:
                  counter-front: {upstream: counter}
                load:
                  - name: increments
                    target: counter-front
                    request: POST /counter/increment?op=${op}
                    rate: 20/s
                    duration: 30s
                faults:
                %schecks:
                  - counter-consistency: {target: counter, load: increments, ops: GET /counter/ops}
                """
            .formatted(index, t.kind(), SEED + index, t.faults()));
    return file;
  }
}
