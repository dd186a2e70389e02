package dev.faultline.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sees a Spring Boot service by URL only, through {@code GET /actuator/threaddump} (JSON). The dump
 * is not atomic and lists platform threads only; deadlocks are inferred from each thread's lock
 * owner, so a cycle is reported only when every thread of it waits for a lock the next one holds.
 * Thread-safe.
 */
final class ActuatorThreadObserver implements ThreadObserver {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CALL_BOUND = Duration.ofSeconds(10);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final URI dumpUri;
  private final List<String> blindSpots;

  private ActuatorThreadObserver(URI dumpUri, List<String> blindSpots) {
    this.dumpUri = dumpUri;
    this.blindSpots = List.copyOf(blindSpots);
  }

  /**
   * Connects and reads one dump to prove the endpoint answers; {@code why} says why attach was not
   * used (or null).
   */
  static ActuatorThreadObserver connect(URI baseUrl, String why) {
    List<String> blind = new ArrayList<>();
    if (why != null) {
      blind.add(why);
    }
    blind.add(
        "seen through "
            + baseUrl.resolve("/actuator/threaddump")
            + ": a dump that is not atomic; virtual threads cannot be seen this way");
    ActuatorThreadObserver o =
        new ActuatorThreadObserver(baseUrl.resolve("/actuator/threaddump"), blind);
    o.snapshot();
    return o;
  }

  @Override
  public String source() {
    return "Spring Boot actuator at " + dumpUri;
  }

  @Override
  public ThreadSnapshot snapshot() {
    Instant at = Instant.now();
    return new ThreadSnapshot(at, parse(fetch()), blindSpots);
  }

  @Override
  public DeadlockReport deadlocks() {
    ThreadSnapshot s = snapshot();
    List<ThreadDetail> cycle = LockCycles.find(s.threads());
    return cycle.isEmpty()
        ? DeadlockReport.none(
            s.at(),
            "no cycle of lock owners in "
                + dumpUri
                + " (inferred from the dump's lock owners, not ThreadMXBean)")
        : new DeadlockReport(
            s.at(), cycle, LockCycles.describe(cycle) + " (inferred from " + dumpUri + ")");
  }

  private String fetch() {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(dumpUri)
                  .timeout(CALL_BOUND)
                  .header("Accept", "application/json")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new ObserveException(
            dumpUri
                + " answered HTTP "
                + r.statusCode()
                + "; expose it with management.endpoints.web.exposure.include=threaddump");
      }
      return r.body();
    } catch (IOException e) {
      throw new ObserveException("no thread dump from " + dumpUri + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ObserveException("interrupted while reading " + dumpUri, e);
    }
  }

  /** The threads of a Spring Boot thread dump (JSON). */
  static List<ThreadDetail> parse(String json) {
    JsonNode threads;
    try {
      threads = JSON.readTree(json).path("threads");
    } catch (IOException e) {
      throw new ObserveException("the thread dump is not JSON: " + e.getMessage(), e);
    }
    List<ThreadDetail> out = new ArrayList<>();
    for (JsonNode t : threads) {
      List<String> stack = new ArrayList<>();
      for (JsonNode f : t.path("stackTrace")) {
        stack.add(
            Frames.of(
                f.path("className").asText(),
                f.path("methodName").asText(),
                f.path("fileName").isNull() ? null : f.path("fileName").asText(null),
                f.path("lineNumber").asInt(-1),
                f.path("nativeMethod").asBoolean()));
      }
      List<String> held = new ArrayList<>();
      t.path("lockedMonitors").forEach(m -> held.add(lock(m)));
      t.path("lockedSynchronizers").forEach(m -> held.add(lock(m)));
      out.add(
          new ThreadDetail(
              t.path("threadId").asLong(),
              t.path("threadName").asText(),
              Thread.State.valueOf(
                  t.path("threadState").asText("RUNNABLE").toUpperCase(Locale.ROOT)),
              t.path("daemon").asBoolean(),
              stack,
              t.path("lockName").isNull() ? null : t.path("lockName").asText(null),
              t.path("lockOwnerName").isNull() ? null : t.path("lockOwnerName").asText(null),
              t.path("lockOwnerId").asLong(-1),
              held));
    }
    return out;
  }

  /** "java.lang.Object@1b6d3586", the form ThreadInfo.getLockName() uses. */
  private static String lock(JsonNode info) {
    return info.path("className").asText()
        + "@"
        + Integer.toHexString(info.path("identityHashCode").asInt());
  }

  @Override
  public void close() {
    // Stateless HTTP; nothing to release.
  }
}
