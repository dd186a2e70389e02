/**
 * The counter service ({@code --faultline.service=counter}): a read-modify-write counter behind
 * HTTP. Variants: {@code locked} (ReentrantLock across read-work-write), {@code atomic} (work, then
 * an atomic add) and the buggy twin {@code racy} (plain field, lost updates). Every applied
 * operation id is recorded so that a checker can compare sets, not just counts.
 */
package dev.faultline.targets.counter;
