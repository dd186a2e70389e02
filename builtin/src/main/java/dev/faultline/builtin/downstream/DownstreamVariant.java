package dev.faultline.builtin.downstream;

import dev.faultline.builtin.support.TargetVariant;

/** The downstream has one variant: it is a load, not a primitive under test. */
enum DownstreamVariant implements TargetVariant {
  DEFAULT;

  @Override
  public String id() {
    return "default";
  }

  @Override
  public boolean correct() {
    return true;
  }
}
