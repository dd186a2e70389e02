package dev.faultline.cli;

import dev.faultline.proxy.FreshProxyBenchmark;
import dev.faultline.proxy.ProxyBenchmark;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline bench proxy [options]}: the embedded proxy's benchmark, each figure beside a
 * direct connection.
 */
@Command(
    name = "bench",
    description =
        "Benchmarks. 'bench proxy' measures the embedded proxy against a direct connection"
            + " (added round trip, throughput, latency-toxic error; about two minutes);"
            + " 'bench proxy --fresh' measures newly started servers, each in a new JVM, as a run"
            + " meets them (about a minute).")
final class BenchCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "<what>", description = "proxy")
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
    if (!"proxy".equals(what)) {
      System.err.println("unknown benchmark '" + what + "'; available: proxy");
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
