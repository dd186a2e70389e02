package dev.faultline.builtin.ledger;

import dev.faultline.builtin.support.TargetVariant;

/** The ledger's variants: the first is the correct default, the other a buggy twin. */
public enum LedgerVariant implements TargetVariant {
  FINALLY,
  NO_FINALLY
}
