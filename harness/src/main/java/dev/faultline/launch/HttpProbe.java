package dev.faultline.launch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks a service for the HTTP status of a GET, bounded in time: how health paths and endpoints are
 * probed before and during a run. Immutable; thread-safe.
 */
public final class HttpProbe {

  private final HttpClient http;
  private final Duration timeout;

  /**
   * @param connectTimeout how long to wait for the connection
   * @param timeout how long to wait for the answer
   */
  public HttpProbe(Duration connectTimeout, Duration timeout) {
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    this.timeout = timeout;
  }

  /** The HTTP status of GET {@code uri}, or 0 when nothing answered. */
  public int status(URI uri) {
    try {
      return http.send(
              HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** Whether GET {@code uri} answers 2xx. */
  public boolean answers2xx(URI uri) {
    return status(uri) / 100 == 2;
  }
}
