package dev.faultline.builtin.support;

/**
 * A variant of a service as named on the command line ({@code --faultline.variant=<id>}).
 * Implemented by one enum per service whose first constant is the correct variant.
 */
public interface TargetVariant {

  /** The name used in {@code --faultline.variant}, e.g. {@code racy}. */
  String id();

  /** Whether this is the correct variant (as opposed to a buggy twin). */
  boolean correct();
}
