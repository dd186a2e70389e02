package dev.faultline.experiment;

import dev.faultline.proxy.ToxiproxyServer;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every bound on what an experiment may ask for, in one place: {@code validate} enforces each of
 * them before anything starts, and the run-time types that would refuse a value later (the load
 * plan, the proxies) ask the same methods, so "nothing was started" holds for every limit.
 * Stateless and thread-safe.
 */
public final class Limits {

  /** The largest experiment file, checked before a byte of it is parsed. */
  public static final int MAX_FILE_BYTES = 1024 * 1024;

  /** The longest line: SnakeYAML scans a long single-line scalar in quadratic time. */
  public static final int MAX_LINE_CHARS = 4096;

  /** The longest single value (a block scalar may span lines). */
  public static final int MAX_SCALAR_CHARS = 64 * 1024;

  /**
   * How many values (keys, scalars, maps, lists) a file may hold; the catalog's largest has about
   * 130.
   */
  public static final int MAX_VALUES = 10_000;

  /** How many errors are listed per file; the rest are counted. */
  public static final int MAX_ERRORS_PER_FILE = 50;

  /** How deep maps and lists may nest; the catalog needs 6. */
  public static final int MAX_NESTING_DEPTH = 30;

  /** How many aliases may point at a map or a list (alias bombs multiply through them). */
  public static final int MAX_COLLECTION_ALIASES = 20;

  /** The longest duration any field takes, but the budget and the request timeout. */
  public static final Duration MAX_DURATION = Duration.ofHours(24);

  /** The longest budget: a load may ramp for 24h and run for 24h more. */
  public static final Duration MAX_BUDGET = Duration.ofHours(72);

  /** The shortest request timeout: Gatling counts it in whole milliseconds. */
  public static final Duration MIN_REQUEST_TIMEOUT = Duration.ofMillis(1);

  /** The longest request timeout. */
  public static final Duration MAX_REQUEST_TIMEOUT = Duration.ofMinutes(10);

  /** The highest open-workload rate of one load step. */
  public static final double MAX_RATE_PER_SECOND = 10_000;

  /** The most users of one closed-workload load step. */
  public static final int MAX_USERS = 10_000;

  /**
   * A load step's name: it prefixes operation ids ({@code <name>-<n>}), so dashes stay single and
   * inside.
   */
  public static final Pattern LOAD_STEP_NAME = Pattern.compile("[A-Za-z0-9_.]+(-[A-Za-z0-9_.]+)*");

  private static final Pattern LISTEN = Pattern.compile("(.+):([0-9]{1,9})");

  private Limits() {}

  /**
   * The longest value the field at {@code path} (e.g. {@code budget}, {@code load[0].duration})
   * takes.
   */
  public static Duration longestDuration(String path) {
    return switch (path) {
      case "budget" -> MAX_BUDGET;
      case "request-timeout" -> MAX_REQUEST_TIMEOUT;
      default -> MAX_DURATION;
    };
  }

  /**
   * The shortest value the field at {@code path} takes (zero for most; rules say where zero is
   * wrong).
   */
  public static Duration shortestDuration(String path) {
    return path.equals("request-timeout") ? MIN_REQUEST_TIMEOUT : Duration.ZERO;
  }

  /**
   * Parses the duration of the field at {@code path} within its bounds, or throws {@link
   * IllegalArgumentException} saying which.
   */
  public static Duration parseDuration(String path, String text) {
    Duration d = Durations.parse(text, longestDuration(path));
    if (d.compareTo(shortestDuration(path)) < 0) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is too short: at least " + Durations.format(shortestDuration(path)));
    }
    return d;
  }

  /** The bounds of the field at {@code path}, for a fix: {@code from 0s to 24h}. */
  public static String durationRange(String path) {
    return "from "
        + Durations.format(shortestDuration(path))
        + " to "
        + Durations.format(longestDuration(path));
  }

  /**
   * Whether {@code host} is this machine without a DNS lookup: 127.0.0.0/8, localhost or ::1. The
   * one rule, owned by the proxy (which depends on nothing) and shared with it.
   */
  public static boolean isLoopbackHost(String host) {
    return ToxiproxyServer.isLoopback(host);
  }

  /**
   * Why {@code url} is not an http(s) URL on loopback with a valid port and no user info, or null
   * when it is one. Faultline sends traffic only to this machine.
   */
  public static String loopbackUrlProblem(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException | NullPointerException e) {
      return "\"" + url + "\" is not a URL";
    }
    if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
      return "\"" + url + "\" is not an http or https URL";
    }
    if (uri.getUserInfo() != null) {
      return "\"" + url + "\" carries a user name; Faultline does not send credentials";
    }
    if (uri.getHost() == null && uri.getAuthority() != null) {
      return "\"" + url + "\" has no valid host:port (a port is at most 65535)";
    }
    if (!isLoopbackHost(uri.getHost())) {
      return "Faultline sends traffic only to this machine; \""
          + url
          + "\" is not a loopback address";
    }
    if (uri.getPort() > 65535) {
      return "\"" + url + "\" has port " + uri.getPort() + "; a port is at most 65535";
    }
    return null;
  }

  /** Why {@code listen} is not {@code <loopback host>:<port 0..65535>}, or null when it is. */
  public static String listenProblem(String listen) {
    Matcher m = LISTEN.matcher(listen);
    if (!m.matches()) {
      return "\"" + listen + "\" is not host:port";
    }
    if (Integer.parseInt(m.group(2)) > 65535) {
      return "\""
          + listen
          + "\" has port "
          + m.group(2)
          + "; a port is at most 65535 (0 picks a free one)";
    }
    if (!isLoopbackHost(m.group(1))) {
      return "\""
          + listen
          + "\" would listen beyond this machine; Faultline listens on loopback only";
    }
    return null;
  }
}
