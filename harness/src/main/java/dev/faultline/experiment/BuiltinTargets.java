package dev.faultline.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services in {@code targets/} and their variants: the correct one first, then the buggy twins.
 */
public final class BuiltinTargets {

  private static final Map<String, List<String>> VARIANTS = new LinkedHashMap<>();

  static {
    VARIANTS.put("counter", List.of("locked", "atomic", "racy", "durable", "durable-lazy"));
    VARIANTS.put("config", List.of("rwlock", "torn"));
    VARIANTS.put("batch", List.of("finally", "success-only", "add-inside"));
    VARIANTS.put("aggregator", List.of("deadline", "no-deadline", "no-cancel"));
    VARIANTS.put("downstream", List.of("default"));
    VARIANTS.put("pool", List.of("cancellable", "leaky"));
  }

  private BuiltinTargets() {}

  /** Built-in service names. */
  public static List<String> names() {
    return List.copyOf(VARIANTS.keySet());
  }

  /** The variants of a built-in service, correct first; empty if the name is unknown. */
  public static List<String> variants(String service) {
    return VARIANTS.getOrDefault(service, List.of());
  }
}
