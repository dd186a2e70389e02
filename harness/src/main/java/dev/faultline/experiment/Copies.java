package dev.faultline.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Immutable copies of what a spec record was given, absent (null) read as empty: how every record
 * of an experiment keeps its configuration from changing after it was built. Map copies keep the
 * YAML's order, which the report and the journal follow.
 */
final class Copies {

  private Copies() {}

  /** An unmodifiable copy of {@code list}; empty when null. */
  static <T> List<T> of(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /** An unmodifiable copy of {@code map} in its order; empty when null. */
  static <K, V> Map<K, V> ordered(Map<K, V> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
