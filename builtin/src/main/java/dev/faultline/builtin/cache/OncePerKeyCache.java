package dev.faultline.builtin.cache;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The correct cache: each key gets one {@link FutureTask}, installed with {@code computeIfAbsent}
 * so that every first request of a key shares it. The first to run it computes; the others find it
 * running or done and wait for its result. The computation itself runs outside the map's lock, so a
 * slow key does not hold up other keys of the same bin. Thread-safe.
 */
final class OncePerKeyCache implements KeyedCache {

  private final ConcurrentHashMap<String, FutureTask<String>> entries = new ConcurrentHashMap<>();
  private final ValueComputer computer;

  OncePerKeyCache(ValueComputer computer) {
    this.computer = computer;
  }

  @Override
  public String get(String key) throws InterruptedException {
    FutureTask<String> once =
        entries.computeIfAbsent(key, k -> new FutureTask<>(() -> computer.compute(k)));
    once.run(); // a no-op unless this is the first run: FutureTask runs its callable at most once
    try {
      return once.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("computing " + key + " failed", e.getCause());
    }
  }

  @Override
  public int size() {
    return entries.size();
  }
}
