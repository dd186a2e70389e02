/**
 * The config store ({@code --faultline.service=config}): four keys that must always hold the same
 * version. Variants: {@code rwlock} (a ReentrantReadWriteLock makes each write one atomic snapshot)
 * and the buggy twin {@code torn} (the writer publishes key by key, so readers see half-updated
 * snapshots). The store counts the torn snapshots it actually returned.
 */
package dev.faultline.builtin.config;
