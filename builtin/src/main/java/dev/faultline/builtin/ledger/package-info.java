/**
 * The ledger service ({@code --faultline.service=ledger}): each posted entry takes the ledger's
 * {@code ReentrantLock}, has the {@link dev.faultline.builtin.ledger.AuditTrail} (a
 * {@code @Service} that Chaos Monkey's {@code service} watcher can make throw) record it, and adds
 * it to the balance. Variants: {@code finally} (the lock is released in {@code finally}, Go's
 * {@code defer mu.Unlock()}) and the buggy twin {@code no-finally} (released only on the success
 * path: the first entry whose audit throws keeps the lock held by its request thread, and every
 * later entry waits behind it).
 */
package dev.faultline.builtin.ledger;
