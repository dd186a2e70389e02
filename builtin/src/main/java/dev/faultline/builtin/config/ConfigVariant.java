package dev.faultline.builtin.config;

import dev.faultline.builtin.support.TargetVariant;

/** The config store's variants: the first is the correct default, the other a buggy twin. */
public enum ConfigVariant implements TargetVariant {
  RWLOCK,
  TORN
}
