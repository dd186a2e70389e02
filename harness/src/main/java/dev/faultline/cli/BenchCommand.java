package dev.faultline.cli;

import dev.faultline.proxy.ProxyBenchmark;
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
            + " (added round trip, throughput, latency-toxic error); about a minute with the defaults.")
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

  @Override
  public Integer call() {
    if (!"proxy".equals(what)) {
      System.err.println("unknown benchmark '" + what + "'; available: proxy");
      return FaultlineCli.INVALID;
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
}
