package dev.faultline.builtin.support;

import dev.faultline.builtin.FaultlineTargetsApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real targets application, started in this JVM on a random 127.0.0.1 port, plus a small JSON
 * client for it. Each test class starts the variants it needs and closes them after, so that
 * contexts do not pile up across the suite.
 */
public final class RunningTarget implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final ConfigurableApplicationContext context;
  private final HttpClient http;
  private final int port;

  private RunningTarget(ConfigurableApplicationContext context) {
    this.context = context;
    this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  }

  /**
   * Starts {@code service} in {@code variant} with extra {@code --key=value} arguments. Chaos
   * Monkey's profile is off unless an argument turns it on: it costs startup time and no test but
   * the actuator one needs it.
   */
  public static RunningTarget start(String service, String variant, String... extraArgs) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--spring.profiles.active=none");
    args.add("--spring.jmx.enabled=false");
    args.add("--logging.level.root=WARN");
    args.add("--logging.level.dev.faultline=WARN");
    args.add("--faultline.service=" + service);
    if (variant != null) {
      args.add("--faultline.variant=" + variant);
    }
    args.addAll(List.of(extraArgs));
    return new RunningTarget(
        SpringApplication.run(FaultlineTargetsApplication.class, args.toArray(String[]::new)));
  }

  /** The port the target listens on. */
  public int port() {
    return port;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The started context, to look at beans. */
  public ConfigurableApplicationContext context() {
    return context;
  }

  /** GET, expecting 200 and JSON. */
  public JsonNode get(String pathAndQuery) {
    return json(send("GET", pathAndQuery, DEFAULT_TIMEOUT));
  }

  /** POST without a body, expecting 200 and JSON. */
  public JsonNode post(String pathAndQuery) {
    return json(send("POST", pathAndQuery, DEFAULT_TIMEOUT));
  }

  /** Sends a request and returns the raw answer; throws on I/O errors, timeouts included. */
  public HttpResponse<String> send(String method, String pathAndQuery, Duration timeout) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery))
            .timeout(timeout)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + pathAndQuery + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + pathAndQuery + " interrupted", e);
    }
  }

  /** Parses a JSON text. */
  public static JsonNode parse(String json) {
    return JSON.readTree(json);
  }

  private static JsonNode json(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new AssertionError(
          response.request().method()
              + " "
              + response.uri()
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return parse(response.body());
  }

  @Override
  public void close() {
    context.close();
  }
}
