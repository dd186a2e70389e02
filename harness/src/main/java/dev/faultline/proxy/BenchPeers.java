package dev.faultline.proxy;

import java.io.IOException;
import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;

/**
 * The benchmark's far ends on 127.0.0.1, blocking with a thread per connection (the lowest
 * latency a plain JVM peer has): an echo of fixed-size messages and a sink that reads an 8-byte
 * length, then that many bytes, and acknowledges with one byte (not at end of stream: Toxiproxy
 * turns a client's half-close into a full close upstream).
 */
final class BenchPeers implements AutoCloseable {
  private final ServerSocket server;

  private BenchPeers(Consumer<Socket> session) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          Socket socket = server.accept();
          socket.setTcpNoDelay(true);
          Thread worker = new Thread(() -> session.accept(socket), "bench-peer");
          worker.setDaemon(true);
          worker.start();
        } catch (IOException closed) {
          return;
        }
      }
    }, "bench-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static BenchPeers echo(int messageSize) throws IOException {
    return new BenchPeers(socket -> {
      byte[] message = new byte[messageSize];
      try (socket) {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        while (in.readNBytes(message, 0, messageSize) == messageSize) {
          out.write(message);
        }
      } catch (IOException gone) {
        // the benchmark closed the connection
      }
    });
  }

  static BenchPeers sink() throws IOException {
    return new BenchPeers(socket -> {
      byte[] buffer = new byte[1 << 20];
      try (socket) {
        InputStream in = new DataInputStream(socket.getInputStream());
        long left = ((DataInputStream) in).readLong();
        int n;
        while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
          left -= n;
        }
        socket.getOutputStream().write(1);
        socket.getOutputStream().flush();
      } catch (IOException gone) {
        // the benchmark closed the connection
      }
    });
  }

  int port() {
    return server.getLocalPort();
  }

  String address() {
    return "127.0.0.1:" + port();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
