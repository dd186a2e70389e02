package dev.faultline.experiment.internal;

import dev.faultline.experiment.Default;
import dev.faultline.experiment.Durations;
import dev.faultline.experiment.Scalar;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The values of YAML scalars: text converted to the model's types (numbers, booleans, durations,
 * enums by their YAML names, {@link Scalar} types), and the value of a field left out. Stateless.
 */
final class ScalarValues {

  private ScalarValues() {}

  /**
   * Converts scalar text to a value of {@code raw}; throws IllegalArgumentException with the
   * reason.
   */
  static Object convert(String text, Class<?> raw, boolean quoted) {
    if (raw == String.class) {
      return text;
    }
    if (Types.isWholeNumber(raw)) {
      if (quoted || !text.matches("-?[0-9]+")) {
        throw new IllegalArgumentException("\"" + text + "\" is not a whole number");
      }
      long v;
      try {
        v = Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(text + " is too large", e);
      }
      if ((raw == int.class || raw == Integer.class)
          && (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE)) {
        throw new IllegalArgumentException(text + " is too large");
      }
      return raw == int.class || raw == Integer.class ? (Object) (int) v : (Object) v;
    }
    if (Types.isNumber(raw)) {
      if (quoted || !text.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
        throw new IllegalArgumentException("\"" + text + "\" is not a number");
      }
      return Double.parseDouble(text);
    }
    if (Types.isBoolean(raw)) {
      if (!text.equals("true") && !text.equals("false")) {
        throw new IllegalArgumentException("\"" + text + "\" is not true or false");
      }
      return Boolean.parseBoolean(text);
    }
    if (raw == Duration.class) {
      return Durations.parse(text);
    }
    if (raw.isEnum()) {
      for (Object c : raw.getEnumConstants()) {
        if (Names.of((Enum<?>) c).equals(text)) {
          return c;
        }
      }
      List<String> valid =
          Arrays.stream(raw.getEnumConstants()).map(c -> Names.of((Enum<?>) c)).toList();
      String guess = Names.closest(text, valid);
      throw new IllegalArgumentException(
          "\""
              + text
              + "\" is not one of "
              + String.join(", ", valid)
              + (guess != null ? " (did you mean " + guess + "?)" : ""));
    }
    if (raw.isAnnotationPresent(Scalar.class)) {
      try {
        Method parse = raw.getMethod("parse", String.class);
        return parse.invoke(null, text);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof IllegalArgumentException iae) {
          throw iae;
        }
        throw new IllegalStateException(e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(
            raw + " is marked @Scalar but has no public static parse(String)", e);
      }
    }
    throw new IllegalStateException("the model uses a type the binder does not know: " + raw);
  }

  /** The value of a field left out: its {@link Default}, or the type's zero (null for objects). */
  static Object defaultOf(RecordComponent c) {
    Default d = c.getAnnotation(Default.class);
    Class<?> raw = Types.raw(c.getGenericType());
    if (d != null) {
      return convert(d.value(), raw, false);
    }
    if (raw.isPrimitive()) {
      return raw == boolean.class
          ? (Object) false
          : raw == double.class ? (Object) 0.0 : raw == long.class ? (Object) 0L : (Object) 0;
    }
    return null;
  }
}
