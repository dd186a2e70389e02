package dev.faultline.load;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.faultline.experiment.Limits;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One kind of request sent at one target, with its workload; one Gatling scenario. Validated at
 * construction; immutable.
 *
 * <p>{@code path} may contain {@value #OP_PLACEHOLDER}, replaced in each request by its operation
 * id {@code <name>-<n>} ({@code n} from 1), unique across the run because step names are unique in
 * a {@link LoadPlan}. {@code body} may be null (no body). {@code headers} may be null (none).
 *
 * <p>OPEN: {@code ratePerSecond} requests per second after a linear ramp from 0 over {@code ramp},
 * for {@code duration} ({@code users} is ignored). CLOSED: {@code users} concurrent users, ramped
 * up from 0 over {@code ramp}, each sending requests back to back for {@code duration} ({@code
 * ratePerSecond} is ignored). {@code maxRequests} caps the step's requests (0 = no cap).
 *
 * <p>{@code connection} (null means {@link Connection#CLOSE}): CLOSE sends every request with
 * {@code Connection: close} on a connection of its own, so that a refused connect always means
 * "never sent". KEEP_ALIVE reuses connections: about twice the requests per second, at less than
 * half the fork's CPU time per request. But Gatling 3.15 silently re-sends, on a new connection, a
 * request whose reused connection closed before any answer (it has no setting to turn that off),
 * which may apply it twice and turns a later "connection refused" into "maybe sent". So every write
 * is counted, the re-send is refused before it is written, and the request is INDETERMINATE (see
 * {@link OutcomeClassifier}): applied at most once, never one clean success.
 *
 * <p>{@code delay} and {@code warmUp}: the step sends nothing for {@code delay}, then warms the
 * target up for {@code warmUp} (OPEN: at {@code ratePerSecond}; CLOSED: its users loop that much
 * longer), then runs its ramp and duration. A plan gives each step the delay that makes every
 * step's measured load start at the same moment. {@code maxRequests} bounds warm-up and measured
 * requests together.
 */
public record LoadStep(
    String name,
    String baseUrl,
    String method,
    String path,
    Map<String, String> headers,
    String body,
    Workload workload,
    double ratePerSecond,
    int users,
    Duration ramp,
    Duration duration,
    int maxRequests,
    Duration delay,
    Duration warmUp,
    Connection connection) {

  /** Replaced in {@code path} by the request's operation id. */
  public static final String OP_PLACEHOLDER = "${op}";

  static final double MAX_RATE_PER_SECOND = Limits.MAX_RATE_PER_SECOND;
  static final int MAX_USERS = Limits.MAX_USERS;
  static final Duration MAX_DURATION = Limits.MAX_DURATION;

  private static final Pattern NAME = Limits.LOAD_STEP_NAME;
  private static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

  @JsonCreator
  public LoadStep {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "LoadStep name must match "
              + NAME.pattern()
              + " (letters, digits, '_', '.', inner '-'), got '"
              + name
              + "'");
    }
    String where = "LoadStep '" + name + "': ";
    LoopbackUrl.require(where, baseUrl);
    if (method == null || !METHODS.contains(method)) {
      throw new IllegalArgumentException(
          where + "method must be one of " + new TreeSet<>(METHODS) + ", got '" + method + "'");
    }
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException(where + "path must start with '/', got '" + path + "'");
    }
    headers = headers == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(headers));
    if (workload == null) {
      throw new IllegalArgumentException(where + "workload must be OPEN or CLOSED, got null");
    }
    if (!Double.isFinite(ratePerSecond)
        || ratePerSecond < 0
        || ratePerSecond > MAX_RATE_PER_SECOND) {
      throw new IllegalArgumentException(
          where
              + "ratePerSecond must be >= 0 and <= "
              + MAX_RATE_PER_SECOND
              + ", got "
              + ratePerSecond);
    }
    if (workload == Workload.OPEN && ratePerSecond == 0) {
      throw new IllegalArgumentException(
          where + "ratePerSecond must be > 0 for an OPEN workload, got 0.0");
    }
    if (users < 0 || users > MAX_USERS) {
      throw new IllegalArgumentException(
          where + "users must be >= 0 and <= " + MAX_USERS + ", got " + users);
    }
    if (workload == Workload.CLOSED && users == 0) {
      throw new IllegalArgumentException(where + "users must be >= 1 for a CLOSED workload, got 0");
    }
    if (ramp == null || ramp.isNegative() || ramp.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException(
          where + "ramp must be >= 0 and <= " + MAX_DURATION + ", got " + ramp);
    }
    if (duration == null
        || duration.isNegative()
        || duration.isZero()
        || duration.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException(
          where + "duration must be > 0 and <= " + MAX_DURATION + ", got " + duration);
    }
    if (maxRequests < 0) {
      throw new IllegalArgumentException(
          where + "maxRequests must be >= 0 (0 = no cap), got " + maxRequests);
    }
    delay = delay == null ? Duration.ZERO : delay;
    warmUp = warmUp == null ? Duration.ZERO : warmUp;
    if (delay.isNegative()
        || delay.compareTo(MAX_DURATION) > 0
        || warmUp.isNegative()
        || warmUp.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException(
          where
              + "delay and warmUp must be >= 0 and <= "
              + MAX_DURATION
              + ", got "
              + delay
              + " and "
              + warmUp);
    }
    connection = connection == null ? Connection.CLOSE : connection;
  }

  /** A step on connections of its own ({@link Connection#CLOSE}). */
  public LoadStep(
      String name,
      String baseUrl,
      String method,
      String path,
      Map<String, String> headers,
      String body,
      Workload workload,
      double ratePerSecond,
      int users,
      Duration ramp,
      Duration duration,
      int maxRequests,
      Duration delay,
      Duration warmUp) {
    this(
        name,
        baseUrl,
        method,
        path,
        headers,
        body,
        workload,
        ratePerSecond,
        users,
        ramp,
        duration,
        maxRequests,
        delay,
        warmUp,
        Connection.CLOSE);
  }

  /** A step without delay or warm-up, on connections of its own. */
  public LoadStep(
      String name,
      String baseUrl,
      String method,
      String path,
      Map<String, String> headers,
      String body,
      Workload workload,
      double ratePerSecond,
      int users,
      Duration ramp,
      Duration duration,
      int maxRequests) {
    this(
        name,
        baseUrl,
        method,
        path,
        headers,
        body,
        workload,
        ratePerSecond,
        users,
        ramp,
        duration,
        maxRequests,
        Duration.ZERO,
        Duration.ZERO,
        Connection.CLOSE);
  }

  /** The path of the request whose operation id is {@code opId}. */
  public String pathFor(String opId) {
    return path.replace(OP_PLACEHOLDER, opId);
  }

  /**
   * Delay, warm-up, ramp and duration: when this step stops starting requests, counted from the
   * run's start.
   */
  public Duration activeFor() {
    return delay.plus(warmUp).plus(ramp).plus(duration);
  }
}
