package dev.faultline.launch;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * A service outside Spring: a JDK HttpServer that answers 200 on /work and 404 on everything else,
 * /actuator/health included. Started as a child process by the tests: {@code main(port)}.
 */
public final class PlainJdkService {

  private PlainJdkService() {}

  public static void main(String[] args) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 16);
    server.createContext(
        "/work",
        exchange -> {
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  /** The command that starts it on Faultline's ${port}. */
  public static List<String> command() {
    String classes =
        Path.of(PlainJdkService.class.getProtectionDomain().getCodeSource().getLocation().getPath())
            .toString();
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1",
        "-cp",
        classes,
        PlainJdkService.class.getName(),
        "${port}");
  }
}
