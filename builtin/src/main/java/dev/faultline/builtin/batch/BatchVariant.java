package dev.faultline.builtin.batch;

import dev.faultline.builtin.support.TargetVariant;

/** The batch service's variants: the first is the correct default, the others are buggy twins. */
public enum BatchVariant implements TargetVariant {
  FINALLY,
  SUCCESS_ONLY,
  ADD_INSIDE
}
