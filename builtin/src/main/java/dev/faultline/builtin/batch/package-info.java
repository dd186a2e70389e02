/**
 * The batch service ({@code --faultline.service=batch}): a batch of N tasks on a fixed worker pool,
 * awaited with a latch, Java's WaitGroup. Tasks can be made to die mid-task with an uncaught Error
 * (a killed worker). Variants: {@code finally} (the latch is counted down in {@code finally}), and
 * two buggy twins: {@code success-only} (counted down only on success: a killed worker hangs the
 * batch forever) and {@code add-inside} (each task registers itself with a Phaser once it runs, so
 * the waiter returns before queued tasks are counted).
 */
package dev.faultline.builtin.batch;
