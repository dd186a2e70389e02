package dev.faultline.load.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A keep-alive HTTP/1.1 target on 127.0.0.1 that misbehaves the way a crashing or impatient server
 * does: on a connection's second and later requests, every {@code dropEvery}-th request is read
 * (and so applied) and then the connection is closed without an answer; every {@code
 * closeIdleEvery}-th answered request is followed by a silent close, as an idle timeout would do.
 * It counts how often each path arrived. GET without a body only.
 */
final class DroppingServer implements AutoCloseable {

  private static final byte[] OK =
      "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok"
          .getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket socket;
  private final ExecutorService connections = Executors.newCachedThreadPool();
  private final Map<String, AtomicInteger> arrivals = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger dropped = new AtomicInteger();
  private final AtomicInteger accepted = new AtomicInteger();
  private final int dropEvery;
  private final int closeIdleEvery;

  DroppingServer(int dropEvery, int closeIdleEvery) {
    this.dropEvery = dropEvery;
    this.closeIdleEvery = closeIdleEvery;
    try {
      socket = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    connections.execute(this::accept);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  /** How many times each path arrived. */
  Map<String, Integer> arrivals() {
    Map<String, Integer> copy = new ConcurrentHashMap<>();
    arrivals.forEach((path, n) -> copy.put(path, n.get()));
    return copy;
  }

  /** Connections accepted. */
  int connections() {
    return accepted.get();
  }

  /** Requests read and then left unanswered by a dropped connection. */
  int dropped() {
    return dropped.get();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        accepted.incrementAndGet();
        connections.execute(() -> serve(connection));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket connection) {
    try (connection;
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII))) {
      OutputStream out = connection.getOutputStream();
      for (int onThisConnection = 1; ; onThisConnection++) {
        String path = readRequest(in);
        if (path == null) {
          return;
        }
        arrivals.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        int n = requests.incrementAndGet();
        if (onThisConnection > 1 && n % dropEvery == 0) {
          dropped.incrementAndGet();
          return;
        }
        out.write(OK);
        out.flush();
        if (n % closeIdleEvery == 0) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  /** The request line's path, after reading the head; null at the end of the connection. */
  private static String readRequest(BufferedReader in) throws IOException {
    String requestLine = in.readLine();
    if (requestLine == null) {
      return null;
    }
    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
      // headers: nothing to keep
    }
    return requestLine.split(" ")[1];
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
    connections.shutdownNow();
  }
}
