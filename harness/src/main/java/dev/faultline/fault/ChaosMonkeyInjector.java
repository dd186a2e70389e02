package dev.faultline.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.experiment.FaultSpec;
import dev.faultline.experiment.TargetFaults.Assault;
import dev.faultline.launch.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Chaos Monkey for Spring Boot assaults, switched through the target's actuator: watchers, then
 * assaults, then enable (and, for memory, CPU and kill-application, a runtime attack). Rollback
 * disables Chaos Monkey, resets the assaults to all-inactive defaults and the watchers to what they
 * were, then reads {@code /status} and {@code /assaults} back: a monkey still on is a {@link
 * FaultException}. A target that is no longer running (kill-application) has nothing to disable.
 * Thread-safe.
 */
record ChaosMonkeyInjector(Target target) implements FaultInjector {

  static final String ACTUATOR = "/actuator/chaosmonkey";
  private static final Duration DEFAULT_HOLD = Duration.ofSeconds(10);

  /** Chaos Monkey 4.0 refuses (HTTP 400) shorter holds of memory and CPU, and levels above this. */
  private static final long MIN_HOLD_MILLIS = 1500;

  private static final int MAX_LEVEL = 10_000;
  private static final List<String> ACTIVE_FLAGS =
      List.of(
          "latencyActive",
          "exceptionsActive",
          "killApplicationActive",
          "memoryActive",
          "cpuActive");
  private static final Map<String, String> WATCHER_KEYS =
      Map.of(
          "controller",
          "controller",
          "rest-controller",
          "restController",
          "service",
          "service",
          "repository",
          "repository",
          "component",
          "component",
          "rest-template",
          "restTemplate",
          "web-client",
          "webClient");

  @Override
  public ActiveFault apply(FaultSpec fault) {
    Assault a = (Assault) fault.kind();
    if (a.level() > MAX_LEVEL) {
      throw new FaultException(
          fault.name(),
          "level " + a.level() + " is above Chaos Monkey's maximum of " + MAX_LEVEL + "; lower it");
    }
    TargetHttp http = new TargetHttp(fault.name(), target.baseUrl());
    JsonNode originalWatchers = http.get(ACTUATOR + "/watchers");
    ActiveAssault active = new ActiveAssault(fault.name(), http, restorable(originalWatchers));
    try {
      http.post(ACTUATOR + "/watchers", watchers(fault.name(), a));
      http.post(ACTUATOR + "/assaults", assaults(a, fault.window().orElse(DEFAULT_HOLD)));
      active.enabledAt = http.postForJson(ACTUATOR + "/enable").path("enabledAt").asText("");
      if (a.memory() || a.cpu() || a.killApplication()) {
        // The attack runs on the request's thread for as long as it holds (or ends the JVM): not
        // awaited.
        active.runtimeAttack = http.postAndForget(ACTUATOR + "/assaults/runtime/attack");
      }
      return active;
    } catch (RuntimeException e) {
      try {
        active.rollback();
      } catch (RuntimeException undo) {
        e.addSuppressed(undo);
      }
      throw e;
    }
  }

  private static ObjectNode watchers(String fault, Assault a) {
    ObjectNode w = TargetHttp.JSON.createObjectNode();
    WATCHER_KEYS.values().forEach(k -> w.put(k, false));
    for (String name : a.watchers()) {
      String key = WATCHER_KEYS.get(name);
      if (key == null) {
        throw new FaultException(
            fault,
            "watcher "
                + name
                + " needs bean names, which an assault cannot name yet; watch controller, rest-controller, service, repository or component instead");
      }
      w.put(key, true);
    }
    return w;
  }

  static ObjectNode assaults(Assault a, Duration hold) {
    ObjectNode s = defaults();
    s.put("level", a.level()).put("deterministic", a.deterministic());
    long holdMillis = Math.max(MIN_HOLD_MILLIS, hold.toMillis());
    if (a.latency() != null) {
      s.put("latencyActive", true)
          .put("latencyRangeStart", Math.max(1, a.latency().min().toMillis()))
          .put("latencyRangeEnd", Math.max(1, a.latency().max().toMillis()));
    } else if (a.exception() != null) {
      s.put("exceptionsActive", true)
          .set("exception", exception(a.exception().type(), a.exception().message()));
    } else if (a.memory()) {
      s.put("memoryActive", true).put("memoryMillisecondsHoldFilledMemory", holdMillis);
    } else if (a.cpu()) {
      s.put("cpuActive", true).put("cpuMillisecondsHoldLoad", holdMillis);
    } else if (a.killApplication()) {
      s.put("killApplicationActive", true);
    }
    return s;
  }

  /** Chaos Monkey 4.0's own defaults, every assault inactive (as read from a fresh target). */
  static ObjectNode defaults() {
    ObjectNode s = TargetHttp.JSON.createObjectNode();
    s.put("level", 1)
        .put("deterministic", false)
        .put("latencyActive", false)
        .put("latencyRangeStart", 1000)
        .put("latencyRangeEnd", 3000)
        .put("exceptionsActive", false)
        .set(
            "exception",
            exception("java.lang.RuntimeException", "Chaos Monkey - RuntimeException"));
    s.put("killApplicationActive", false)
        .put("killApplicationCronExpression", "OFF")
        .put("memoryActive", false)
        .put("memoryCronExpression", "OFF")
        .put("memoryMillisecondsHoldFilledMemory", 90000)
        .put("cpuActive", false)
        .put("cpuCronExpression", "OFF")
        .put("cpuMillisecondsHoldLoad", 90000);
    return s;
  }

  private static ObjectNode exception(String type, String message) {
    ObjectNode e = TargetHttp.JSON.createObjectNode().put("type", type);
    e.putArray("arguments").addObject().put("type", "java.lang.String").put("value", message);
    return e;
  }

  /** The watcher settings that can be posted back: the switches and the bean names. */
  private static ObjectNode restorable(JsonNode watchers) {
    ObjectNode w = TargetHttp.JSON.createObjectNode();
    WATCHER_KEYS.values().forEach(k -> w.put(k, watchers.path(k).asBoolean(false)));
    w.put("actuatorHealth", watchers.path("actuatorHealth").asBoolean(false));
    w.set(
        "beans",
        watchers.path("beans").isArray()
            ? watchers.get("beans")
            : TargetHttp.JSON.createArrayNode());
    return w;
  }

  /** An assault that is on; rollback switches Chaos Monkey off and proves it. */
  private final class ActiveAssault extends OnceRollback {
    private final TargetHttp http;
    private final ObjectNode originalWatchers;
    private volatile String enabledAt = "";
    private volatile String enabledFor = "";
    private volatile boolean targetGone;
    private volatile CompletableFuture<Integer> runtimeAttack;

    ActiveAssault(String name, TargetHttp http, ObjectNode originalWatchers) {
      super(name);
      this.http = http;
      this.originalWatchers = originalWatchers;
    }

    @Override
    protected void undo() {
      if (!target.isAlive()) {
        targetGone = true;
        return;
      }
      enabledFor =
          http.postForJson(ACTUATOR + "/disable").path("enabledFor").path("raw").asText("");
      http.post(ACTUATOR + "/assaults", defaults());
      http.post(ACTUATOR + "/watchers", originalWatchers);
      verifyOff();
    }

    private void verifyOff() {
      JsonNode status = http.get(ACTUATOR + "/status");
      JsonNode assaults = http.get(ACTUATOR + "/assaults");
      List<String> stillOn = new ArrayList<>();
      if (status.path("enabled").asBoolean(true)) {
        stillOn.add("enabled");
      }
      ACTIVE_FLAGS.stream().filter(f -> assaults.path(f).asBoolean(true)).forEach(stillOn::add);
      if (!stillOn.isEmpty()) {
        throw new FaultException(
            name(),
            "Chaos Monkey on target "
                + target.name()
                + " still reports "
                + String.join(", ", stillOn)
                + " after disable and reset (GET "
                + ACTUATOR
                + "/status: "
                + status
                + "); switch it off by hand: curl -X POST "
                + target.baseUrl()
                + ACTUATOR
                + "/disable");
      }
    }

    @Override
    public Map<String, String> figures() {
      Map<String, String> f = new LinkedHashMap<>();
      f.put("target", target.name());
      f.put("enabledAt", enabledAt);
      if (!enabledFor.isEmpty()) {
        f.put("enabledFor", enabledFor);
      }
      if (targetGone) {
        f.put("targetGone", "true");
      }
      CompletableFuture<Integer> attack = runtimeAttack;
      if (attack != null) {
        f.put(
            "runtimeAttack",
            !attack.isDone()
                ? "still acting"
                : attack.isCompletedExceptionally()
                    ? "no answer (target ended?)"
                    : "HTTP " + attack.join());
      }
      return f;
    }

    @Override
    public String summary() {
      if (targetGone) {
        return "target " + target.name() + " was not running at rollback: nothing to disable";
      }
      return enabledFor.isEmpty()
          ? ""
          : "Chaos Monkey on "
              + target.name()
              + " enabled for "
              + Duration.parse(enabledFor).toMillis() / 1000.0
              + " s, then disabled and verified off";
    }
  }
}
