package dev.faultline.e2e;

import dev.faultline.load.Outcome;
import dev.faultline.load.RequestOutcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A small stand-in for Gatling: sends requests, {@code concurrency} at a time, and classifies each
 * like the load does.
 */
final class HttpLoad {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(2))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  private HttpLoad() {}

  static List<RequestOutcome> send(
      URI base, String method, String path, int total, int concurrency, Duration requestTimeout) {
    List<RequestOutcome> out = new ArrayList<>();
    for (int from = 0; from < total; from += concurrency) {
      List<CompletableFuture<RequestOutcome>> wave = new ArrayList<>();
      for (int i = from; i < Math.min(total, from + concurrency); i++) {
        String op = "op-" + (i + 1);
        wave.add(CompletableFuture.supplyAsync(() -> one(base, method, path, op, requestTimeout)));
      }
      wave.forEach(f -> out.add(f.join()));
    }
    return out;
  }

  private static RequestOutcome one(
      URI base, String method, String path, String op, Duration requestTimeout) {
    long start = System.currentTimeMillis();
    long t0 = System.nanoTime();
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(base.resolve(path))
                  .timeout(requestTimeout)
                  .method(method, HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      long micros = (System.nanoTime() - t0) / 1000;
      return new RequestOutcome(
          "load",
          op,
          start,
          micros,
          r.statusCode(),
          r.statusCode() / 100 == 2 ? Outcome.OK : Outcome.FAILED,
          null);
    } catch (HttpTimeoutException e) {
      return new RequestOutcome(
          "load",
          op,
          start,
          (System.nanoTime() - t0) / 1000,
          0,
          Outcome.INDETERMINATE,
          "request timeout after " + requestTimeout.toMillis() + " ms");
    } catch (IOException e) {
      return new RequestOutcome(
          "load",
          op,
          start,
          (System.nanoTime() - t0) / 1000,
          0,
          Outcome.INDETERMINATE,
          e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
