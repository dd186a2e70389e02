package dev.faultline.builtin.aggregator;

import dev.faultline.builtin.support.TargetVariant;

/** The aggregator's variants: the first is the correct default, the others are buggy twins. */
public enum AggregatorVariant implements TargetVariant {
  DEADLINE,
  NO_DEADLINE,
  NO_CANCEL
}
