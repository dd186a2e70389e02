/**
 * The worker pool ({@code --faultline.service=pool}): jobs go through a bounded queue to workers
 * started once. Variants: {@code cancellable} (workers stop on cancellation, and the pool drains
 * and stops on context close) and the buggy twin {@code leaky} (each request also starts a {@code
 * job-waiter-N} thread that blocks forever on a queue nobody feeds: the goroutine leak).
 */
package dev.faultline.builtin.pool;
