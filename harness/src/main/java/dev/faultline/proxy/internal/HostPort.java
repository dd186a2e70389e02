package dev.faultline.proxy.internal;

/** A {@code host:port} address as Toxiproxy takes it in {@code listen} and {@code upstream}. */
record HostPort(String host, int port) {

  static HostPort parse(String field, String text) {
    int colon = text == null ? -1 : text.lastIndexOf(':');
    if (colon < 0) {
      throw ApiException.badRequest(field + " must be host:port, got \"" + text + "\"");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      int port = Integer.parseInt(text.substring(colon + 1));
      if (port < 0 || port > 65535) {
        throw new NumberFormatException("out of range");
      }
      // Toxiproxy reads an empty host as every interface; Faultline listens on loopback unless
      // told.
      return new HostPort(host.isEmpty() ? "127.0.0.1" : host, port);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(field + " has an invalid port in \"" + text + "\"");
    }
  }

  String withPort(int actualPort) {
    String shown = host.contains(":") ? "[" + host + "]" : host;
    return shown + ":" + actualPort;
  }
}
