package dev.faultline.builtin.counter;

import dev.faultline.builtin.support.TargetVariant;

/**
 * The counter's variants; the first is the default. The last two keep their state on disk (in
 * {@code faultline.data-dir}) and survive a restart; the others live in memory.
 */
enum CounterVariant implements TargetVariant {
  LOCKED("locked", true),
  ATOMIC("atomic", true),
  RACY("racy", false),
  DURABLE("durable", true),
  DURABLE_LAZY("durable-lazy", false);

  private final String id;
  private final boolean correct;

  CounterVariant(String id, boolean correct) {
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
