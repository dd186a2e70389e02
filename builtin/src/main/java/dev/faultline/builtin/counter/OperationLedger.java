package dev.faultline.builtin.counter;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ground truth of which operation ids were applied, and which were applied more than once (a
 * retried request that the counter applied twice). Thread-safe: both sets are concurrent, and an id
 * lands in {@code duplicates} exactly when its second application finds it in {@code applied}.
 */
final class OperationLedger {

  private final Set<String> applied = ConcurrentHashMap.newKeySet();
  private final Set<String> duplicates = ConcurrentHashMap.newKeySet();

  void record(String op) {
    if (!applied.add(op)) {
      duplicates.add(op);
    }
  }

  /** A sorted copy, for a stable JSON answer. */
  List<String> applied() {
    return applied.stream().sorted().toList();
  }

  /** A sorted copy, for a stable JSON answer. */
  List<String> duplicates() {
    return duplicates.stream().sorted().toList();
  }

  void clear() {
    applied.clear();
    duplicates.clear();
  }
}
