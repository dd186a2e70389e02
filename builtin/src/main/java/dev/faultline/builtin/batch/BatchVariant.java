package dev.faultline.builtin.batch;

import dev.faultline.builtin.support.TargetVariant;

/** The batch service's variants; the first is the default. */
enum BatchVariant implements TargetVariant {
  FINALLY("finally", true),
  SUCCESS_ONLY("success-only", false),
  ADD_INSIDE("add-inside", false);

  private final String id;
  private final boolean correct;

  BatchVariant(String id, boolean correct) {
    this.id = id;
    this.correct = correct;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public boolean correct() {
    return correct;
  }
}
