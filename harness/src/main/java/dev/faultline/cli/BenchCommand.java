package dev.faultline.cli;

import dev.faultline.proxy.ProxyBenchmark;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code faultline bench proxy [args]}: the embedded proxy's benchmark, each figure beside a direct connection. */
@Command(name = "bench", description = "Benchmarks. 'bench proxy' measures the embedded proxy against a direct connection.")
final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<what>", description = "proxy")
    String what;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "<args>", description = "Passed to the benchmark.")
    List<String> args;

    @Override
    public Integer call() {
        if (!"proxy".equals(what)) {
            System.err.println("unknown benchmark '" + what + "'; available: proxy");
            return FaultlineCli.INVALID;
        }
        ProxyBenchmark.main(args == null ? new String[0] : args.toArray(String[]::new));
        return 0;
    }
}
