package dev.faultline.builtin.quote;

import dev.faultline.builtin.support.TargetVariant;

/** The quote service's variants: the first is the correct default, the other a buggy twin. */
public enum QuoteVariant implements TargetVariant {
  OUTSIDE_LOCK,
  COARSE_LOCK
}
