package dev.faultline.gameday;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The room's one self-contained page (inline CSS and JS, no CDN, works offline), with the
 * experiment's name and the server's action token filled in. Immutable.
 */
final class RoomPage {

  private static final String RESOURCE = "room.html";
  private final String template;
  private final String experiment;

  RoomPage(String experiment) {
    this.experiment = experiment;
    try (InputStream in = RoomPage.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "resource dev/faultline/gameday/"
                + RESOURCE
                + " is missing from the classpath; rebuild Faultline");
      }
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the game day page: " + e.getMessage(), e);
    }
  }

  String render(String token) {
    return template
        .replace("{{experiment}}", escape(experiment))
        .replace("{{token}}", escape(token));
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
