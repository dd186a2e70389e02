package dev.faultline.builtin.pool;

import dev.faultline.builtin.support.TargetVariant;

/** The worker pool's variants: the first is the correct default, the other a buggy twin. */
public enum PoolVariant implements TargetVariant {
  CANCELLABLE,
  LEAKY
}
