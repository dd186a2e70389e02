/**
 * The counter service ({@code --faultline.service=counter}): a read-modify-write counter behind
 * HTTP. Variants in memory: {@code locked} (ReentrantLock across read-work-write), {@code atomic}
 * (work, then an atomic add) and the buggy twin {@code racy} (plain field, lost updates). Variants
 * on disk, which replay {@code <faultline.data-dir>/counter.journal} when they start: {@code
 * durable} (each increment forced to disk before it is acknowledged) and the buggy twin {@code
 * durable-lazy} (acknowledged first, committed in groups later: a SIGKILL loses acknowledged
 * increments). Every applied operation id is recorded so that a checker can compare sets, not just
 * counts.
 */
package dev.faultline.builtin.counter;
