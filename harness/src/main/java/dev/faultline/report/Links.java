package dev.faultline.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Relative links from a report page to the files beside it. A link is built from the path's
 * segments, percent-encoded, so a file name can never become a {@code javascript:} URL or leave its
 * attribute; a path that is absolute or climbs out of the folder gets no link at all.
 */
final class Links {

  private Links() {}

  /** The relative href of {@code path}, or null when it may not be linked. */
  static String relative(String path) {
    if (Formats.isBlank(path)) {
      return null;
    }
    String normalized = path.replace('\\', '/');
    if (normalized.startsWith("/") || normalized.matches("^[A-Za-z]:.*")) {
      return null;
    }
    Path relative = Path.of(normalized).normalize();
    if (relative.startsWith("..") || relative.toString().isEmpty()) {
      return null;
    }
    try {
      // "./" first: a name with a colon ("a:b.log") must not read as a URL scheme.
      return new URI(null, null, "./" + relative.toString().replace('\\', '/'), null).getRawPath();
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
