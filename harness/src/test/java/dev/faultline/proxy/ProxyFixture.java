package dev.faultline.proxy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One embedded server, one echo upstream and the official client, closed together. */
final class ProxyFixture implements AutoCloseable {
  static final long SEED = 42L;

  final ToxiproxyServer server;
  final EchoServer echo;
  final ToxiproxyClient client;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ProxyFixture() throws IOException {
    this(SEED);
  }

  ProxyFixture(long seed) throws IOException {
    server = ToxiproxyServer.start("127.0.0.1", 0, seed);
    echo = new EchoServer();
    client = new ToxiproxyClient("127.0.0.1", server.port());
  }

  Proxy echoProxy(String name) throws IOException {
    return client.createProxy(name, "127.0.0.1:0", echo.address());
  }

  static Socket connect(Proxy proxy) throws IOException {
    String listen = proxy.getListen();
    int port = Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    Socket socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
    socket.setSoTimeout(5_000);
    return socket;
  }

  /** Writes {@code message} and reads the same number of bytes back. */
  static byte[] roundTrip(Socket socket, byte[] message) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(message);
    out.flush();
    return readFully(socket.getInputStream(), message.length);
  }

  static byte[] readFully(InputStream in, int length) throws IOException {
    byte[] result = in.readNBytes(length);
    if (result.length < length) {
      throw new IOException("stream ended after " + result.length + " of " + length + " bytes");
    }
    return result;
  }

  HttpResponse<String> send(String method, String path, String body) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.url() + path))
            .timeout(Duration.ofSeconds(5))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    echo.close();
  }
}
