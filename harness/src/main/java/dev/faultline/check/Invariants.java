package dev.faultline.check;

import dev.faultline.experiment.CheckSpecs;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Compares the value a JSONPath found with an invariant's equals / at-most / at-least, free of I/O.
 * Numbers compare as numbers; {@code equals} compares as text unless both sides are numbers. A list
 * (an indefinite path) must hold for every element, and must not be empty.
 */
final class Invariants {

  private Invariants() {}

  /** Why {@code value} violates the invariant, or empty if it holds. */
  public static Optional<String> violation(CheckSpecs.Invariant spec, Object value) {
    if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        return Optional.of(spec.path() + " matched nothing");
      }
      for (Object element : list) {
        Optional<String> v = violation(spec, element);
        if (v.isPresent()) {
          return v;
        }
      }
      return Optional.empty();
    }
    BigDecimal number = number(value);
    if (spec.equals() != null) {
      BigDecimal expected = number(spec.equals());
      boolean same =
          number != null && expected != null
              ? number.compareTo(expected) == 0
              : String.valueOf(value).equals(spec.equals());
      if (!same) {
        return Optional.of(spec.path() + " = " + value + ", expected equal to " + spec.equals());
      }
    }
    if (spec.atMost() != null || spec.atLeast() != null) {
      if (number == null) {
        return Optional.of(spec.path() + " = " + value + ", which is not a number");
      }
      if (spec.atMost() != null && number.compareTo(BigDecimal.valueOf(spec.atMost())) > 0) {
        return Optional.of(
            spec.path() + " = " + value + ", expected at most " + plain(spec.atMost()));
      }
      if (spec.atLeast() != null && number.compareTo(BigDecimal.valueOf(spec.atLeast())) < 0) {
        return Optional.of(
            spec.path() + " = " + value + ", expected at least " + plain(spec.atLeast()));
      }
    }
    return Optional.empty();
  }

  /** "$.tornReads at most 0", the bound in words. */
  public static String bound(CheckSpecs.Invariant spec) {
    StringBuilder b = new StringBuilder(spec.path());
    if (spec.equals() != null) {
      b.append(" equals ").append(spec.equals());
    }
    if (spec.atLeast() != null) {
      b.append(" at least ").append(plain(spec.atLeast()));
    }
    if (spec.atMost() != null) {
      b.append(spec.atLeast() != null ? " and" : "")
          .append(" at most ")
          .append(plain(spec.atMost()));
    }
    return b.append(", within ").append(spec.within().toMillis()).append(" ms").toString();
  }

  private static BigDecimal number(Object value) {
    if (value instanceof Number || value instanceof String) {
      try {
        return new BigDecimal(value.toString().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static String plain(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
