/**
 * The cache service ({@code --faultline.service=cache}): a lazily filled cache whose values take a
 * few milliseconds to compute, Go's {@code sync.Once} per key. Variants: {@code once} (one {@code
 * FutureTask} per key, installed atomically: each key is computed exactly once however many
 * requests ask for it first) and the buggy twin {@code check-then-act} ({@code if (!containsKey)
 * put(compute())}: concurrent first requests all compute the same key). The ground truth counts
 * every computation of a key that had been computed before.
 */
package dev.faultline.builtin.cache;
