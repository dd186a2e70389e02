package dev.faultline.proxy.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a server's proxies may listen: no wider than its API. A server whose API is on loopback
 * (how Faultline runs it on the host, and the default of {@code faultline proxy}) refuses a proxy
 * that would listen on any other address, so a client cannot open a port beyond this machine
 * through it. Inside a container the API listens on every interface, and so may its proxies: the
 * container's ports are published on the host's loopback only.
 */
record ListenScope(boolean loopbackOnly) {

  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

  /** The scope of a server whose API listens on {@code apiHost}. */
  static ListenScope of(String apiHost) {
    return new ListenScope(isLoopback(apiHost));
  }

  /**
   * Whether {@code host} names this machine's loopback, without a DNS lookup: {@code localhost}, an
   * address of 127.0.0.0/8 or {@code ::1} (bracketed or not, in any of its spellings). Other names
   * are not resolved: they count as beyond loopback. Faultline's one rule of what loopback is; the
   * experiment's input limits use it too.
   */
  static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    Matcher v4 = IPV4.matcher(h);
    if (v4.matches()) {
      for (int i = 2; i <= 4; i++) {
        if (Integer.parseInt(v4.group(i)) > 255) {
          return false;
        }
      }
      return v4.group(1).equals("127");
    }
    if (!h.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress(); // an IPv6 literal: never a lookup
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
