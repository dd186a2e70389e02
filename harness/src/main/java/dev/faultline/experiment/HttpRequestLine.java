package dev.faultline.experiment;

import java.util.Locale;
import java.util.Set;

/**
 * An HTTP method and a path, written {@code POST /counter/increment?op=${op}}. The path may hold
 * {@code ${op}}, replaced by a unique operation id per request.
 */
@Scalar(
    pattern = "^(GET|POST|PUT|DELETE|PATCH|HEAD) /\\S*$",
    example = "POST /counter/increment?op=${op}")
public record HttpRequestLine(String method, String path) {

  private static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD");

  public HttpRequestLine {
    if (!METHODS.contains(method)) {
      throw new IllegalArgumentException(
          "\"" + method + "\" is not an HTTP method (one of GET, POST, PUT, DELETE, PATCH, HEAD)");
    }
    if (!path.startsWith("/") || path.contains(" ")) {
      throw new IllegalArgumentException("the path must start with / and hold no spaces");
    }
  }

  /** Parses {@code METHOD /path}. */
  public static HttpRequestLine parse(String text) {
    String[] parts = text.trim().split("\\s+");
    if (parts.length != 2) {
      throw new IllegalArgumentException("\"" + text + "\" is not a request line");
    }
    return new HttpRequestLine(parts[0].toUpperCase(Locale.ROOT), parts[1]);
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
