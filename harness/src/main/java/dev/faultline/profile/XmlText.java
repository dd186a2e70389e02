package dev.faultline.profile;

/** Text made safe for XML content and attribute values. */
final class XmlText {

  private static final char REPLACEMENT = '\uFFFD';

  private XmlText() {}

  /**
   * Escapes the five markup characters; a character XML 1.0 does not allow (control characters, a
   * lone surrogate) becomes U+FFFD, so that the document always parses.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(allowed(text, i) ? c : REPLACEMENT);
      }
    }
    return out.toString();
  }

  private static boolean allowed(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
    if (c < 0x20) {
      return c == '\t' || c == '\n' || c == '\r';
    }
    return c != '\uFFFE' && c != '\uFFFF';
  }
}
