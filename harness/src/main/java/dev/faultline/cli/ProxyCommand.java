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
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "8474",
      description = "API port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Override
  public Integer call() {
    ToxiproxyServer.serveUntilInterrupted(host, port);
    return 0;
  }
}
