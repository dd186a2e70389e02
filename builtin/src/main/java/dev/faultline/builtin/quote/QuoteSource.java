package dev.faultline.builtin.quote;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * The downstream, over HTTP: {@code GET <downstream>/work?ms=N} with Spring's {@code RestClient} on
 * plain {@code HttpURLConnection}s, as an ordinary Spring service calls its downstream (a blocking
 * read per call), each call bounded by {@code timeout}. Thread-safe: RestClient is.
 *
 * @param downstream the downstream's base URL
 * @param timeout the bound of connecting, and of reading the answer
 * @param http the client
 */
record QuoteSource(URI downstream, Duration timeout, RestClient http) {

  static QuoteSource to(URI downstream, Duration timeout) {
    SimpleClientHttpRequestFactory connections = new SimpleClientHttpRequestFactory();
    connections.setConnectTimeout(timeout);
    connections.setReadTimeout(timeout);
    return new QuoteSource(
        downstream, timeout, RestClient.builder().requestFactory(connections).build());
  }

  /** The part the downstream names itself with after {@code ms} of work. */
  String fetch(long ms) throws IOException {
    URI work = downstream.resolve("/work?ms=" + ms);
    try {
      JsonNode answer = http.get().uri(work).retrieve().body(JsonNode.class);
      return answer == null ? "" : answer.path("part").asString();
    } catch (RestClientException e) {
      throw new IOException(work + ": " + e.getMessage(), e);
    }
  }
}
