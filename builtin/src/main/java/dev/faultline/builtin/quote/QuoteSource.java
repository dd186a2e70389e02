package dev.faultline.builtin.quote;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The downstream, over HTTP: {@code GET <downstream>/work?ms=N} with the JDK HttpClient, bounded by
 * a timeout. Thread-safe: HttpClient is.
 */
final class QuoteSource {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final URI downstream;
  private final Duration timeout;
  private final HttpClient http;

  QuoteSource(URI downstream, Duration timeout) {
    this.downstream = downstream;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .build();
  }

  /** The part the downstream names itself with after {@code ms} of work. */
  String fetch(long ms) throws IOException, InterruptedException {
    URI work = downstream.resolve("/work?ms=" + ms);
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(work).timeout(timeout).build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IOException(work + " answered " + answer.statusCode());
    }
    return JSON.readTree(answer.body()).path("part").asString();
  }
}
