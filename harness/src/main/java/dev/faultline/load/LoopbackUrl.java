package dev.faultline.load;

import dev.faultline.experiment.Limits;

/**
 * Faultline sends traffic only to loopback: 127.0.0.0/8, localhost and [::1]. No DNS lookup. The
 * rule is {@link Limits#loopbackUrlProblem}, the one {@code validate} applies to target URLs.
 */
final class LoopbackUrl {

  private LoopbackUrl() {}

  static void require(String where, String url) {
    if (url == null || Limits.loopbackUrlProblem(url) != null) {
      throw new IllegalArgumentException(
          where
              + "baseUrl must be an http(s) URL on a loopback address (127.0.0.0/8, localhost or [::1]), got '"
              + url
              + "'");
    }
  }
}
