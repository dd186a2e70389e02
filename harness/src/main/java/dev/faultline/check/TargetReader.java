package dev.faultline.check;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.experiment.HttpRequestLine;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/** Reads a target's ground truth over HTTP JSON, retrying (bounded) while the target recovers. */
final class TargetReader {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private TargetReader() {}

  /**
   * The JSON answer of {@code request} at {@code base}; throws {@link CheckFailedToRun} after
   * {@code bound}.
   */
  static JsonNode read(URI base, HttpRequestLine request, Duration bound) {
    URI uri = base.resolve(request.path());
    AtomicReference<JsonNode> body = new AtomicReference<>();
    AtomicReference<String> last = new AtomicReference<>("no answer");
    try {
      await("read " + request + " from " + base)
          .atMost(bound)
          .pollDelay(Duration.ZERO) // the first read at once; retries only while it fails
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                try {
                  HttpResponse<String> r =
                      HTTP.send(
                          HttpRequest.newBuilder(uri)
                              .timeout(Duration.ofSeconds(5))
                              .method(request.method(), HttpRequest.BodyPublishers.noBody())
                              .build(),
                          HttpResponse.BodyHandlers.ofString());
                  if (r.statusCode() / 100 != 2) {
                    last.set("HTTP " + r.statusCode());
                    return false;
                  }
                  body.set(JSON.readTree(r.body()));
                  return true;
                } catch (IOException e) {
                  last.set(e.toString());
                  return false;
                }
              });
    } catch (ConditionTimeoutException e) {
      throw new CheckFailedToRun(
          request
              + " at "
              + uri
              + " gave no JSON answer within "
              + bound.toSeconds()
              + " s (last: "
              + last.get()
              + ")");
    }
    return body.get();
  }

  /** Thrown when the data a check needs cannot be had; the check reports ERROR. */
  static final class CheckFailedToRun extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CheckFailedToRun(String message) {
      super(message);
    }
  }
}
