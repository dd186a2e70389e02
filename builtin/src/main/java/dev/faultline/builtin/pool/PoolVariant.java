package dev.faultline.builtin.pool;

import dev.faultline.builtin.support.TargetVariant;

/** The worker pool's variants; the first is the default. */
enum PoolVariant implements TargetVariant {
  CANCELLABLE("cancellable", true),
  LEAKY("leaky", false);

  private final String id;
  private final boolean correct;

  PoolVariant(String id, boolean correct) {
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
