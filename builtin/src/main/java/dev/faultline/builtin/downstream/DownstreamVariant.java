package dev.faultline.builtin.downstream;

import dev.faultline.builtin.support.TargetVariant;

/** The downstream has one variant: it is a load, not a primitive under test. */
public enum DownstreamVariant implements TargetVariant {
  DEFAULT
}
