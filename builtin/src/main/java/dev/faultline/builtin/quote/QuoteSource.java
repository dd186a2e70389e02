package dev.faultline.builtin.quote;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The downstream, over HTTP: {@code GET <downstream>/work?ms=N} with the JDK HttpClient, each call
 * bounded by {@code timeout}. Thread-safe: HttpClient is.
 *
 * @param downstream the downstream's base URL
 * @param timeout the bound of one call, connection included
 * @param http the client, HTTP/1.1
 */
record QuoteSource(URI downstream, Duration timeout, HttpClient http) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static QuoteSource to(URI downstream, Duration timeout) {
    return new QuoteSource(
        downstream,
        timeout,
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .build());
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
