package dev.faultline.builtin.cache;

import dev.faultline.builtin.support.SimulatedWork;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The expensive computation behind the cache (simulated work), and its ground truth: how many
 * computations ran, and how many of them were of a key computed before. The truth is recorded when
 * a computation starts, with an atomic add to a concurrent set, so it is exact whatever the cache
 * does around it. Thread-safe.
 */
final class ValueComputer {

  private final SimulatedWork work;
  private final Set<String> computedKeys = ConcurrentHashMap.newKeySet();
  private final LongAdder computations = new LongAdder();
  private final LongAdder duplicateComputations = new LongAdder();

  ValueComputer(SimulatedWork work) {
    this.work = work;
  }

  String compute(String key) {
    computations.increment();
    if (!computedKeys.add(key)) {
      duplicateComputations.increment();
    }
    work.run();
    return Integer.toHexString(key.hashCode());
  }

  long computations() {
    return computations.sum();
  }

  long duplicateComputations() {
    return duplicateComputations.sum();
  }
}
