package dev.faultline.builtin.cache;

/** A cache that computes a key's value the first time it is asked for. */
interface KeyedCache {

  /** The value of {@code key}, computed if it is not cached yet. */
  String get(String key) throws InterruptedException;

  /** How many keys hold a value (or one being computed). */
  int size();

  static KeyedCache of(CacheVariant variant, ValueComputer computer) {
    return switch (variant) {
      case ONCE -> new OncePerKeyCache(computer);
      case CHECK_THEN_ACT -> new CheckThenActCache(computer);
    };
  }
}
