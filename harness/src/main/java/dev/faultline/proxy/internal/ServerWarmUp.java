package dev.faultline.proxy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A fresh server's first request and first connections, run once at start on a background thread so
 * a run's own meet warm code: the JSON of {@code POST /proxies} and of a toxic, read-only API
 * exchanges ({@code GET /version}, {@code GET /proxies}), a throwaway proxy that is never in the
 * registry (so never in {@code GET /proxies}) to an echo of its own, connections through it
 * (connect, 64 B echo, close), then the same with a latency toxic added to a live connection and to
 * new ones. Without it a fresh server loaded some 2,000 classes (Jackson, the JDK's HTTP exchange,
 * Netty's pooled buffers and their Flight Recorder events) and ran interpreted on the first request
 * and connection: 90-500 ms each.
 *
 * <p>Everything stays on 127.0.0.1; it stops at {@link #BUDGET} or when the server closes, and
 * removes what it made. Disabled by system property {@code faultline.proxy.warm-up=false}. Confined
 * to its own thread.
 */
final class ServerWarmUp implements Runnable {
  /** The wall time the warm-up may take at most; a run's targets take longer to start. */
  static final Duration BUDGET = Duration.ofSeconds(3);

  /** How long a closing server waits for the warm-up to end before it closes under it. */
  static final Duration STOP_WAIT = Duration.ofSeconds(2);

  static final String NAME = "faultline-warm-up";
  static final int API_EXCHANGES = 20;
  static final int CONNECTIONS = 400;
  static final int TOXIC_PINGS = 300;
  private static final int MESSAGE_SIZE = 64;

  /** One for the connection kept open while the toxic changes, one for the others. */
  private static final int ECHO_THREADS = 2;

  private static final int SOCKET_TIMEOUT_MILLIS = 1_000;
  private static final int MAX_FAILED_CONNECTIONS = 3;

  private final DataPlane dataPlane;
  private final InetSocketAddress api;
  private final long deadline;
  private volatile long tookNanos = -1;
  private volatile String stoppedBy;
  private int failedConnections;

  /** {@code api}: the address the API is bound to, loopback (127.0.0.0/8 or ::1). */
  ServerWarmUp(DataPlane dataPlane, InetSocketAddress api) {
    this.dataPlane = dataPlane;
    this.api = api;
    this.deadline = System.nanoTime() + BUDGET.toNanos();
  }

  static boolean enabled() {
    return !"false".equalsIgnoreCase(System.getProperty("faultline.proxy.warm-up"));
  }

  /** How long the warm-up took, or -1 while it runs or if it stopped early. */
  long tookNanos() {
    return tookNanos;
  }

  /** For a person: done in how long, stopped early and why, or still running. */
  String summary() {
    long took = tookNanos;
    if (took >= 0) {
      return "done in " + TimeUnit.NANOSECONDS.toMillis(took) + " ms (it ran in the background)";
    }
    String cause = stoppedBy;
    return cause != null ? "stopped early: " + cause : "still running";
  }

  @Override
  public void run() {
    long started = System.nanoTime();
    try (ServerSocket echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      for (int i = 1; i <= ECHO_THREADS; i++) {
        Thread echoThread = new Thread(() -> serveEcho(echo), "faultline-proxy-warm-up-echo-" + i);
        echoThread.setDaemon(true);
        echoThread.start();
      }
      apiExchange();
      ProxyInstance proxy = throwawayProxy(echo.getLocalPort());
      try {
        warmConnections(proxy);
      } finally {
        proxy.stop();
      }
      tookNanos = System.nanoTime() - started;
    } catch (IOException | RuntimeException stopped) {
      // the server closed under it, or the machine stalled: a warm-up is only ever an optimisation
      stoppedBy = String.valueOf(stopped);
    }
  }

  /** The API's own exchange path, read-only: the HTTP server, JSON answers, the date header. */
  private void apiExchange() throws IOException {
    for (int i = 0; i < API_EXCHANGES && inBudget(); i++) {
      apiExchange(i % 2 == 0 ? "/version" : "/proxies");
    }
  }

  private void apiExchange(String path) throws IOException {
    try (Socket socket = connect(api)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: "
                  + NAME
                  + "\r\n"
                  + "Connection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      socket.getInputStream().readAllBytes();
    }
  }

  /** What {@code POST /proxies} does, except registering the proxy. */
  private ProxyInstance throwawayProxy(int echoPort) {
    String body =
        "{\"name\":\""
            + NAME
            + "\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:"
            + echoPort
            + "\",\"enabled\":true}";
    ProxyRequest request =
        ApiJson.proxyRequest(ApiJson.parseObject(body.getBytes(StandardCharsets.UTF_8)), true);
    ListenScope loopback = ListenScope.of("127.0.0.1");
    request.validateAddresses(loopback);
    ProxyInstance proxy =
        new ProxyInstance(
            request.name(), request.listen(), request.upstream(), dataPlane, 0, loopback);
    proxy.start();
    ApiJson.bytes(ApiJson.proxy(proxy));
    return proxy;
  }

  private void warmConnections(ProxyInstance proxy) throws IOException {
    int port = port(proxy);
    byte[] message = new byte[MESSAGE_SIZE];
    for (int i = 0; i < CONNECTIONS && inBudget(); i++) {
      oneConnection(port, message);
    }
    try (Socket live = connect(port)) {
      echo(live, message);
      String latency =
          "{\"type\":\"latency\",\"stream\":\"downstream\",\"attributes\":{\"latency\":1}}";
      ToxicSpec toxic = proxy.toxics().add(ApiJson.newToxic(ApiJson.parseObject(utf8(latency))));
      ApiJson.bytes(ApiJson.toxic(toxic));
      echo(live, message);
      String update = "{\"attributes\":{\"latency\":1,\"jitter\":0}}";
      proxy
          .toxics()
          .update(
              toxic.name(), old -> ApiJson.updatedToxic(old, ApiJson.parseObject(utf8(update))));
      for (int i = 0; i < TOXIC_PINGS && inBudget(); i++) {
        echo(live, message);
        oneConnection(port, message);
      }
      proxy.toxics().remove(toxic.name());
    }
  }

  /**
   * Connect, echo, close; a connection that fails (a stalled machine hits the socket timeout) is
   * not worth ending the warm-up for, unless they keep failing.
   */
  private void oneConnection(int port, byte[] message) throws IOException {
    try (Socket socket = connect(port)) {
      echo(socket, message);
    } catch (IOException e) {
      if (++failedConnections >= MAX_FAILED_CONNECTIONS) {
        throw e;
      }
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static int port(ProxyInstance proxy) {
    String listen = proxy.listen();
    return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
  }

  private boolean inBudget() {
    return System.nanoTime() - deadline < 0 && !Thread.currentThread().isInterrupted();
  }

  private static Socket connect(int port) throws IOException {
    return connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
  }

  private static Socket connect(InetSocketAddress address) throws IOException {
    Socket socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
    socket.connect(address, SOCKET_TIMEOUT_MILLIS);
    return socket;
  }

  private static void echo(Socket socket, byte[] message) throws IOException {
    socket.getOutputStream().write(message);
    InputStream in = socket.getInputStream();
    for (int read = 0; read < message.length; ) {
      int n = in.read(message, read, message.length - read);
      if (n < 0) {
        throw new IOException("the warm-up echo ended early");
      }
      read += n;
    }
  }

  /** One connection at a time per thread; ends when the warm-up closes the server socket. */
  private static void serveEcho(ServerSocket server) {
    byte[] buffer = new byte[MESSAGE_SIZE];
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          out.write(buffer, 0, n);
        }
      } catch (IOException closedOrTimedOut) {
        // the next connection, or the end
      }
    }
  }

  /** Waits for {@code thread} to end, at most {@code timeout}; for a closing server. */
  static void stop(Thread thread, Duration timeout) {
    thread.interrupt();
    try {
      thread.join(TimeUnit.NANOSECONDS.toMillis(timeout.toNanos()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
