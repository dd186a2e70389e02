package dev.faultline.proxy.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Where a server's proxies may listen: no wider than its API. A server whose API is on loopback
 * (how Faultline runs it on the host, and the default of {@code faultline proxy}) refuses a proxy
 * that would listen on any other address, so a client cannot open a port beyond this machine
 * through it. Inside a container the API listens on every interface, and so may its proxies: the
 * container's ports are published on the host's loopback only.
 */
record ListenScope(boolean loopbackOnly) {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  /** The scope of a server whose API listens on {@code apiHost}. */
  static ListenScope of(String apiHost) {
    return new ListenScope(isLoopback(apiHost));
  }

  /**
   * Whether {@code host} names this machine's loopback: {@code localhost}, an address of
   * 127.0.0.0/8 or {@code ::1} (bracketed or not). Other names are not resolved: they count as
   * beyond loopback.
   */
  static boolean isLoopback(String host) {
    String h =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!IPV4.matcher(h).matches() && !h.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress(); // a literal: no lookup
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Refuses {@code listen} (a proxy's listen field) when it is beyond this scope. */
  void check(String listen) {
    HostPort address = HostPort.parse("listen", listen);
    if (loopbackOnly && !isLoopback(address.host())) {
      throw ApiException.badRequest(
          "listen \""
              + listen
              + "\" would listen beyond this machine: this server's API listens on loopback, and so"
              + " do its proxies; use 127.0.0.1:PORT (or 127.0.0.1:0 for a free port)");
    }
  }
}
