package dev.faultline.gameday;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reads {@code jvm.threads.live} from a Spring Boot target's {@code /actuator/metrics}: the live
 * Java threads of a target Faultline has no local process of (a container, a service attached by
 * URL). Each read is bounded, so a paused or dead target costs the live view at most {@link
 * #TIMEOUT}. Stateless and thread-safe.
 */
final class ActuatorThreadCount {
  static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final String PATH = "/actuator/metrics/jvm.threads.live";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private ActuatorThreadCount() {}

  /** The live thread count, or -1 when the target does not answer with the metric in time. */
  static int count(URI baseUrl) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(baseUrl.resolve(PATH)).timeout(TIMEOUT).GET().build();
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return -1;
      }
      JsonNode value = JSON.readTree(response.body()).path("measurements").path(0).path("value");
      return value.isNumber() ? value.asInt() : -1;
    } catch (IOException unreachable) {
      return -1;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
