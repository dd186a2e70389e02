package dev.faultline.builtin.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * BUGGY TWIN, on purpose: check, then act. The map itself is thread-safe, but "absent? then compute
 * and put" is two steps, so every request that checks while the first computation still runs
 * computes the same key again. Memory-safe, and wrong.
 */
final class CheckThenActCache implements KeyedCache {

  private final Map<String, String> entries = new ConcurrentHashMap<>();
  private final ValueComputer computer;

  CheckThenActCache(ValueComputer computer) {
    this.computer = computer;
  }

  @Override
  public String get(String key) {
    if (!entries.containsKey(key)) {
      entries.put(key, computer.compute(key));
    }
    return entries.get(key);
  }

  @Override
  public int size() {
    return entries.size();
  }
}
