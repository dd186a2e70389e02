package dev.faultline.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Small JSON-over-HTTP calls to a target's control endpoints, each bounded; errors name the fault.
 * Thread-safe.
 */
final class TargetHttp {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_BOUND = Duration.ofSeconds(5);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String fault;
  private final URI base;

  TargetHttp(String fault, URI base) {
    this.fault = fault;
    this.base = base;
  }

  JsonNode get(String path) {
    return json(path, send(HttpRequest.newBuilder(base.resolve(path)).GET(), path));
  }

  /** POSTs a JSON body (or none, if null) and returns the answer's text. */
  String post(String path, Object body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
    if (body == null) {
      b.POST(HttpRequest.BodyPublishers.noBody());
    } else {
      try {
        b.header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      } catch (IOException e) {
        throw new FaultException(
            fault, "cannot write the body of POST " + path + ": " + e.getMessage(), e);
      }
    }
    return send(b, "POST " + path);
  }

  /**
   * POSTs without a body and does not wait: for calls that block the target's request thread for as
   * long as they act (Chaos Monkey's runtime attack holds memory or CPU, or ends the JVM).
   */
  CompletableFuture<Integer> postAndForget(String path) {
    HttpRequest r =
        HttpRequest.newBuilder(base.resolve(path))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    return HTTP.sendAsync(r, HttpResponse.BodyHandlers.discarding())
        .thenApply(HttpResponse::statusCode);
  }

  JsonNode postForJson(String path) {
    return json(path, post(path, null));
  }

  private String send(HttpRequest.Builder request, String what) {
    URI uri = request.build().uri();
    try {
      HttpResponse<String> r =
          HTTP.send(request.timeout(REQUEST_BOUND).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        throw new FaultException(
            fault,
            what + " at " + uri + " answered HTTP " + r.statusCode() + ": " + abbreviate(r.body()));
      }
      return r.body();
    } catch (IOException e) {
      throw new FaultException(fault, what + " at " + uri + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FaultException(fault, what + " at " + uri + " was interrupted", e);
    }
  }

  private JsonNode json(String path, String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new FaultException(fault, path + " did not answer JSON: " + abbreviate(body), e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
