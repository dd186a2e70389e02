package dev.faultline.builtin.counter;

import dev.faultline.builtin.support.TargetVariant;

/**
 * The counter's variants; the first is the default. {@code RACY} and {@code DURABLE_LAZY} are the
 * buggy twins. The last two keep their state on disk (in {@code faultline.data-dir}) and survive a
 * restart; the others live in memory.
 */
public enum CounterVariant implements TargetVariant {
  LOCKED,
  ATOMIC,
  RACY,
  DURABLE,
  DURABLE_LAZY
}
