package dev.faultline.observe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.rmi.server.RMISocketFactory;

/**
 * The harness's RMI sockets, all on 127.0.0.1. A target's JMX agent listens on 127.0.0.1 only, but
 * the RMI stub it hands out names the machine's host name, which may resolve to an address the
 * agent does not listen on; every RMI connection the harness makes goes to a JVM on this machine,
 * so it goes to 127.0.0.1 on the stub's port. Installed once per JVM. Thread-safe.
 */
final class LoopbackRmiSockets extends RMISocketFactory {

  private LoopbackRmiSockets() {}

  static synchronized void install() {
    if (RMISocketFactory.getSocketFactory() instanceof LoopbackRmiSockets) {
      return;
    }
    try {
      RMISocketFactory.setSocketFactory(new LoopbackRmiSockets());
    } catch (IOException alreadySet) {
      // Someone else's factory (an embedding application): its choice stands; stubs then use it.
    }
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return new Socket(InetAddress.getLoopbackAddress(), port);
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    return new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
  }
}
