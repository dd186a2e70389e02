package dev.faultline.load;

import static org.awaitility.Awaitility.await;

import dev.faultline.experiment.Limits;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Measures Faultline's load beside plain load generators, against the same warm loopback service,
 * in one run: the same closed workload ({@code users} users, each sending one request after
 * another, for {@code duration}) from
 *
 * <ul>
 *   <li>Faultline's load as a run forks it ({@link GatlingLoad}), with {@code connection:
 *       keep-alive} and with {@code close};
 *   <li>a plain Gatling simulation with the same injection ({@link PlainSimulation}), forked the
 *       same way, without operation ids or outcome recording;
 *   <li>{@code wrk}, keep-alive and with {@code Connection: close}, where it is on the PATH.
 * </ul>
 *
 * Faultline's fork is started ahead of its plan and handed it once Gatling is up, as a run does it.
 * After one unmeasured warm-up of each kind, {@code rounds} rounds run every load once, each round
 * starting one load later in the list, so that no load always follows the same one. A Gatling
 * load's rate is its request count over the duration; its CPU time is the fork's own, from its plan
 * to its end. Not thread-safe; one run at a time.
 */
public final class LoadBenchmark {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration FORK_BOUND = Duration.ofSeconds(60);
  static final String KEEP_ALIVE = "faultline keep-alive";
  static final String CLOSE = "faultline close";
  static final String PLAIN = "plain gatling";
  static final String WRK = "wrk keep-alive";
  static final String WRK_CLOSE = "wrk close";

  private LoadBenchmark() {}

  /** What to measure; validated here. */
  public record Options(
      String url, String method, String path, int users, Duration duration, int rounds) {
    public Options {
      LoopbackUrl.require("bench load: ", url);
      if (users < 1 || users > Limits.MAX_USERS) {
        throw new IllegalArgumentException(
            "--users must be >= 1 and <= " + Limits.MAX_USERS + ", got " + users);
      }
      if (duration.toSeconds() < 1 || duration.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException(
            "--duration must be >= 1s and <= 60s, got " + duration.toMillis() + "ms");
      }
      if (rounds < 1 || rounds > 10) {
        throw new IllegalArgumentException("--rounds must be >= 1 and <= 10, got " + rounds);
      }
    }
  }

  /** One measured load: requests per second and, for a Gatling fork, CPU time per request. */
  record Sample(double requestsPerSecond, Optional<Duration> cpuPerRequest) {}

  /** Runs every load {@code rounds} times in {@code workDir}, reporting progress; the report. */
  public static LoadBenchmarkReport run(Options options, Path workDir, PrintStream progress) {
    Optional<Path> wrk = WrkLoad.find();
    List<String> loads = new ArrayList<>(List.of(KEEP_ALIVE, PLAIN, CLOSE));
    wrk.ifPresent(w -> loads.addAll(List.of(WRK, WRK_CLOSE)));
    progress.println(
        "bench load: "
            + options.users()
            + " users, "
            + options.duration().toSeconds()
            + " s, "
            + options.method()
            + " "
            + options.url()
            + options.path()
            + (wrk.isPresent() ? "" : "; wrk is not on the PATH (apt-get install wrk)"));
    progress.println("  warm-up");
    for (String load : List.of(KEEP_ALIVE, PLAIN)) {
      measure(load, options, wrk, workDir.resolve("warm-up-" + slug(load)));
    }
    wrk.ifPresent(w -> measure(WRK, options, wrk, workDir.resolve("warm-up-wrk")));
    Map<String, List<Sample>> samples = new LinkedHashMap<>();
    loads.forEach(load -> samples.put(load, new ArrayList<>()));
    for (int round = 0; round < options.rounds(); round++) {
      for (int i = 0; i < loads.size(); i++) {
        String load = loads.get((i + round) % loads.size());
        Sample s =
            measure(load, options, wrk, workDir.resolve("round-" + round + "-" + slug(load)));
        samples.get(load).add(s);
        progress.printf(
            "  round %d  %-22s %,10.0f req/s%n", round + 1, load, s.requestsPerSecond());
      }
    }
    return new LoadBenchmarkReport(options, samples, workDir);
  }

  private static Sample measure(String load, Options o, Optional<Path> wrk, Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new LoadException("cannot create " + dir + ": " + e.getMessage(), e);
    }
    return switch (load) {
      case KEEP_ALIVE -> faultline(o, Connection.KEEP_ALIVE, dir);
      case CLOSE -> faultline(o, Connection.CLOSE, dir);
      case PLAIN -> plainGatling(o, dir);
      case WRK, WRK_CLOSE ->
          new Sample(
              WrkLoad.requestsPerSecond(
                  wrk.orElseThrow(),
                  o.url() + o.path(),
                  o.method(),
                  o.users(),
                  o.duration(),
                  load.equals(WRK_CLOSE),
                  dir),
              Optional.empty());
      default -> throw new IllegalArgumentException("unknown load " + load);
    };
  }

  private static Sample faultline(Options o, Connection connection, Path dir) {
    LoadStep step =
        new LoadStep(
            "bench",
            o.url(),
            o.method(),
            o.path(),
            null,
            null,
            Workload.CLOSED,
            0,
            o.users(),
            Duration.ZERO,
            o.duration(),
            0,
            Duration.ZERO,
            Duration.ZERO,
            connection);
    LoadRun run;
    try (PreparedLoad prepared = GatlingLoad.prepare("bench-load", REQUEST_TIMEOUT, dir)) {
      await("the Faultline load fork in " + dir + " ready for its plan")
          .atMost(FORK_BOUND)
          .pollInterval(Duration.ofMillis(20))
          .until(() -> prepared.readyAt().isPresent());
      run = prepared.start(new LoadPlan("bench-load", List.of(step), REQUEST_TIMEOUT, 1));
    } catch (ConditionTimeoutException e) {
      throw new LoadException(e.getMessage() + "; see " + dir.resolve("gatling.log"), e);
    }
    LoadResult result = run.await(FORK_BOUND);
    if (result.exitCode() != 0) {
      throw new LoadException(
          "the Faultline load fork failed (exit " + result.exitCode() + "): " + run.gatlingLog());
    }
    return sample(GatlingSummary.requestCount(run.gatlingLog()), run.forkCpuTime(), o);
  }

  private static Sample plainGatling(Options o, Path dir) {
    ForkFiles files = GatlingLoad.prepareFolder("bench-load-plain", dir);
    Map<String, Object> properties =
        Map.of(
            PlainSimulation.URL, o.url(),
            PlainSimulation.METHOD, o.method(),
            PlainSimulation.PATH, o.path(),
            PlainSimulation.USERS, o.users(),
            PlainSimulation.DURATION_MILLIS, o.duration().toMillis());
    Process fork =
        GatlingLoad.fork(
            "bench-load-plain",
            ForkCommand.reference(PlainSimulation.class, files, REQUEST_TIMEOUT, properties),
            files);
    try {
      if (!fork.waitFor(FORK_BOUND.toSeconds(), TimeUnit.SECONDS) || fork.exitValue() != 0) {
        fork.destroyForcibly();
        throw new LoadException("the plain Gatling fork failed: see " + files.gatlingLog());
      }
    } catch (InterruptedException e) {
      fork.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new LoadException("interrupted while plain Gatling ran", e);
    }
    return sample(GatlingSummary.requestCount(files.gatlingLog()), ForkCpu.read(files.cpu()), o);
  }

  private static Sample sample(long requests, Optional<Duration> cpu, Options o) {
    double perSecond = requests * 1000.0 / o.duration().toMillis();
    return new Sample(
        perSecond, cpu.filter(c -> requests > 0).map(c -> c.dividedBy(Math.max(1, requests))));
  }

  private static String slug(String load) {
    return load.replace(' ', '-');
  }
}
