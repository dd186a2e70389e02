package dev.faultline.builtin.support;

import java.util.Locale;

/**
 * A variant of a service as named on the command line ({@code --faultline.variant=<id>}).
 * Implemented by one enum per service whose first constant is the correct variant; the id is the
 * constant's name in lower case with dashes ({@code DURABLE_LAZY} is {@code durable-lazy}).
 */
public interface TargetVariant {

  /** The constant's name, as {@link Enum#name()} gives it. */
  String name();

  /** The name used in {@code --faultline.variant}, e.g. {@code racy}. */
  default String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
