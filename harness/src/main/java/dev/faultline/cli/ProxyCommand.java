package dev.faultline.cli;

import dev.faultline.proxy.ToxiproxyServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code faultline proxy}: the embedded Toxiproxy-compatible server on its own, until Ctrl-C. */
@Command(
    name = "proxy",
    description =
        "Serve the Toxiproxy-compatible API alone (for other tools and languages) until Ctrl-C.")
final class ProxyCommand implements Callable<Integer> {

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description =
          "Loopback address to listen on: 127.0.0.0/8, ::1 or localhost (default:"
              + " ${DEFAULT-VALUE}). Its proxies listen on loopback too.")
  String host;

  @Option(
      names = "--port",
      defaultValue = "8474",
      description = "API port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Override
  public Integer call() {
    if (!ToxiproxyServer.isLoopback(host)) {
      System.err.println(
          "faultline proxy: --host "
              + host
              + " would listen beyond this machine: Faultline listens on loopback only.\n"
              + "fix: leave --host out (127.0.0.1), or give 127.0.0.1, ::1 or localhost");
      return FaultlineCli.INVALID;
    }
    ToxiproxyServer.serveUntilInterrupted(host, port);
    return 0;
  }
}
