package dev.faultline.builtin.config;

import dev.faultline.builtin.support.TargetVariant;

/** The config store's variants; the first is the default. */
enum ConfigVariant implements TargetVariant {
  RWLOCK("rwlock", true),
  TORN("torn", false);

  private final String id;
  private final boolean correct;

  ConfigVariant(String id, boolean correct) {
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
