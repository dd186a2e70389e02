package dev.faultline.builtin.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a reader saw: the version and the value of every key.
 *
 * @param version the store's version at the time of the read
 * @param values key to value, in key order
 * @param consistent whether every value equals the version (false: a torn read)
 */
record ConfigSnapshot(long version, Map<String, Long> values, boolean consistent) {

  static ConfigSnapshot of(long version, Map<String, Long> values) {
    boolean consistent = values.values().stream().allMatch(v -> v == version);
    return new ConfigSnapshot(
        version, Collections.unmodifiableMap(new LinkedHashMap<>(values)), consistent);
  }
}
