package dev.faultline.builtin.cache;

import dev.faultline.builtin.support.TargetVariant;

/** The cache's variants: the first is the correct default, the other a buggy twin. */
public enum CacheVariant implements TargetVariant {
  ONCE,
  CHECK_THEN_ACT
}
