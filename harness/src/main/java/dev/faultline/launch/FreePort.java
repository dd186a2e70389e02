package dev.faultline.launch;

import dev.faultline.InfrastructureException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks a free TCP port on 127.0.0.1. The port may be taken again before use; callers retry. */
final class FreePort {

  private FreePort() {}

  /** A port that was free on 127.0.0.1 a moment ago. */
  static int pick() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new InfrastructureException("no free port on 127.0.0.1: " + e.getMessage(), e);
    }
  }
}
