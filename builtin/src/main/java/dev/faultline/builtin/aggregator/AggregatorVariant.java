package dev.faultline.builtin.aggregator;

import dev.faultline.builtin.support.TargetVariant;

/** The aggregator's variants; the first is the default. */
enum AggregatorVariant implements TargetVariant {
  DEADLINE("deadline", true),
  NO_DEADLINE("no-deadline", false),
  NO_CANCEL("no-cancel", false);

  private final String id;
  private final boolean correct;

  AggregatorVariant(String id, boolean correct) {
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
