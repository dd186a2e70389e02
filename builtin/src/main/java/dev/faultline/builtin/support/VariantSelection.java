package dev.faultline.builtin.support;

import java.util.Arrays;
import java.util.Locale;

/**
 * Turns the text of {@code --faultline.variant} into a service's variant, failing startup with a
 * message that lists the valid variants. An absent variant selects the correct one.
 *
 * <p>Stateless and thread-safe.
 */
public final class VariantSelection {

  /** The property that selects the service. */
  public static final String SERVICE_PROPERTY = "faultline.service";

  /** The property that selects the variant. */
  public static final String VARIANT_PROPERTY = "faultline.variant";

  private VariantSelection() {}

  /**
   * @param service the service name, for the error message
   * @param requested the value of {@code faultline.variant}, may be null or blank
   * @param type the service's variant enum; its first constant is the default
   * @return the selected variant
   * @throws TargetSelectionException if {@code requested} names no variant of {@code type}
   */
  public static <E extends Enum<E> & TargetVariant> E select(
      String service, String requested, Class<E> type) {
    E[] variants = type.getEnumConstants();
    if (requested == null || requested.isBlank()) {
      return variants[0];
    }
    String wanted = requested.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(variants)
        .filter(v -> v.id().equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new TargetSelectionException(
                    "Unknown variant '"
                        + requested
                        + "' for service '"
                        + service
                        + "': --"
                        + VARIANT_PROPERTY
                        + " must be one of "
                        + String.join(", ", Arrays.stream(variants).map(TargetVariant::id).toList())
                        + " (or be left out, which selects "
                        + variants[0].id()
                        + ")"));
  }
}
