package dev.faultline.cli;

import dev.faultline.experiment.Durations;
import dev.faultline.experiment.Launch;
import dev.faultline.experiment.TargetSpec;
import dev.faultline.launch.Target;
import dev.faultline.launch.TargetLaunch;
import dev.faultline.launch.TargetStartException;
import dev.faultline.launch.Targets;
import dev.faultline.load.LoadBenchmark;
import dev.faultline.load.LoadException;
import dev.faultline.proxy.FreshProxyBenchmark;
import dev.faultline.proxy.ProxyBenchmark;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline bench proxy [options]}: the embedded proxy's benchmark, each figure beside a
 * direct connection. {@code faultline bench load [options]}: Faultline's load beside plain Gatling
 * and wrk against the same warm loopback service.
 */
@Command(
    name = "bench",
    description =
        "Benchmarks. 'bench proxy' measures the embedded proxy against a direct connection"
            + " (added round trip, throughput, latency-toxic error; about two minutes);"
            + " 'bench proxy --fresh' measures newly started servers, each in a new JVM, as a run"
            + " meets them (about a minute and a half). 'bench load' measures Faultline's load"
            + " (keep-alive and close) beside a plain Gatling simulation and wrk, against the"
            + " built-in atomic counter or --url; about three minutes with the defaults.")
final class BenchCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "<what>", description = "proxy or load")
  String what;

  @Option(
      names = "--bytes",
      defaultValue = "1g",
      paramLabel = "<size>",
      description = "Size of each one-way transfer, with k, m or g (default: ${DEFAULT-VALUE}).")
  String bytes;

  @Option(
      names = "--pings",
      defaultValue = "20000",
      paramLabel = "<n>",
      description = "64-byte ping-pongs per path (default: ${DEFAULT-VALUE}).")
  int pings;

  @Option(
      names = "--latency-samples",
      defaultValue = "500",
      paramLabel = "<n>",
      description =
          "Pings through each 50 ms delay: the latency toxic, the delaying relay and the delaying echo (default: ${DEFAULT-VALUE}).")
  int latencySamples;

  @Option(
      names = "--users",
      defaultValue = "16",
      paramLabel = "<n>",
      description = "load: users of the closed workload (default: ${DEFAULT-VALUE}).")
  int users;

  @Option(
      names = "--duration",
      defaultValue = "5s",
      paramLabel = "<duration>",
      description = "load: length of each measured load (default: ${DEFAULT-VALUE}).")
  String duration;

  @Option(
      names = "--rounds",
      defaultValue = "3",
      paramLabel = "<n>",
      description = "load: measured rounds of every load, alternating (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--url",
      paramLabel = "<url>",
      description =
          "load: an already running loopback service to load with POST /counter/increment"
              + " (default: the built-in counter, atomic variant, started by the bench).")
  String url;

  @Option(
      names = "--fresh",
      description =
          "Measure fresh servers instead, each in a new JVM: the first POST /proxies, the first"
              + " connections, a fresh 50 ms latency toxic, then many connections.")
  boolean fresh;

  @Option(
      names = "--starts",
      defaultValue = "5",
      paramLabel = "<n>",
      description =
          "With --fresh: servers started, one after the other (default: ${DEFAULT-VALUE}).")
  int starts;

  @Option(
      names = "--toxic-samples",
      defaultValue = "200",
      paramLabel = "<n>",
      description =
          "With --fresh: new connections through the fresh 50 ms latency toxic (default: ${DEFAULT-VALUE}).")
  int toxicSamples;

  @Option(
      names = "--connections",
      defaultValue = "3000",
      paramLabel = "<n>",
      description =
          "With --fresh: connections (connect, 64 B echo, close) after the toxic (default: ${DEFAULT-VALUE}).")
  int connections;

  @Override
  public Integer call() {
    if ("load".equals(what)) {
      return load();
    }
    if (!"proxy".equals(what)) {
      System.err.println("unknown benchmark '" + what + "'; available: proxy, load");
      return FaultlineCli.INVALID;
    }
    if (fresh) {
      return fresh();
    }
    ProxyBenchmark.Options options;
    try {
      options = new ProxyBenchmark.Options(ProxyBenchmark.parseSize(bytes), pings, latencySamples);
    } catch (IllegalArgumentException bad) {
      System.err.println("faultline bench proxy: " + bad.getMessage());
      return FaultlineCli.INVALID;
    }
    System.out.print(ProxyBenchmark.run(options, System.err).report());
    return 0;
  }

  private Integer load() {
    Duration length;
    try {
      length = Durations.parse(duration);
      new LoadBenchmark.Options(
          url == null ? "http://127.0.0.1:1" : url, "POST", PATH, users, length, rounds);
    } catch (IllegalArgumentException bad) {
      System.err.println("faultline bench load: " + bad.getMessage());
      return FaultlineCli.INVALID;
    }
    try {
      Path work = Files.createTempDirectory("faultline-bench-load-");
      if (url != null) {
        return measure(url, length, work);
      }
      System.err.println("starting the built-in counter (atomic) ...");
      try (Target counter =
          Targets.start(
              "counter", COUNTER, new TargetLaunch(work, FaultlineCli.home(), Map.of()))) {
        return measure(counter.baseUrl().toString(), length, work);
      }
    } catch (IOException | LoadException | TargetStartException e) {
      System.err.println("faultline bench load: " + e.getMessage());
      return 1;
    }
  }

  private Integer measure(String base, Duration length, Path work) {
    String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    LoadBenchmark.Options options =
        new LoadBenchmark.Options(trimmed, "POST", PATH, users, length, rounds);
    System.out.print(LoadBenchmark.run(options, work, System.err).report());
    return 0;
  }

  private static final String PATH = "/counter/increment";

  private static final TargetSpec COUNTER =
      new TargetSpec(
          "counter",
          "atomic",
          null,
          null,
          null,
          Launch.PROCESS,
          null,
          "/actuator/health",
          Duration.ofSeconds(60),
          null,
          null,
          null,
          null);

  private int fresh() {
    FreshProxyBenchmark.Options options;
    try {
      options = new FreshProxyBenchmark.Options(starts, toxicSamples, connections);
    } catch (IllegalArgumentException bad) {
      System.err.println("faultline bench proxy --fresh: " + bad.getMessage());
      return FaultlineCli.INVALID;
    }
    System.out.print(FreshProxyBenchmark.run(options, serverCommand(), System.err).report());
    return 0;
  }

  /** {@code faultline proxy --port 0} in a new JVM: this JVM's java, options and classpath. */
  static List<String> serverCommand() {
    List<String> command = new ArrayList<>();
    command.add(
        ProcessHandle.current()
            .info()
            .command()
            .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(FaultlineCli.class.getName());
    command.addAll(List.of("proxy", "--port", "0"));
    return List.copyOf(command);
  }
}
