package dev.faultline.experiment.internal;

import dev.faultline.experiment.Scalar;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Phrases for error messages. */
final class Describe {
  private Describe() {}

  /**
   * How a kind of value is named ("expected a duration") and how one is written ("write a duration
   * such as 500ms"); {@code expected} null: the kind is named by its class.
   */
  private record Kind(
      Predicate<Class<?>> is,
      Function<Class<?>, String> expected,
      Function<Class<?>, String> example) {

    static Kind of(Predicate<Class<?>> is, String expected, String example) {
      return new Kind(is, raw -> expected, raw -> example);
    }
  }

  /** The kinds, first match wins. */
  private static final List<Kind> KINDS =
      List.of(
          Kind.of(raw -> raw == Duration.class, "a duration", "a duration such as 500ms, 2s or 1m"),
          new Kind(
              raw -> raw.isAnnotationPresent(Scalar.class),
              null,
              raw -> "e.g. " + raw.getAnnotation(Scalar.class).example()),
          Kind.of(Types::isWholeNumber, "a whole number", "a whole number, e.g. 16"),
          Kind.of(Types::isNumber, "a number", "a number, e.g. 0.5"),
          Kind.of(Types::isBoolean, "true or false", "true or false"),
          new Kind(
              Class::isEnum,
              raw ->
                  "one of "
                      + Arrays.stream(raw.getEnumConstants())
                          .map(c -> Names.of((Enum<?>) c))
                          .collect(Collectors.joining(", ")),
              raw ->
                  Names.of((Enum<?>) raw.getEnumConstants()[0]) + " (or: " + expected(raw) + ")"),
          Kind.of(raw -> raw == List.class, "a list", "a list, one \"- item\" per line"),
          Kind.of(raw -> raw == String.class, "text", "text"));

  static String expected(Class<?> raw) {
    return KINDS.stream()
        .filter(k -> k.expected() != null && k.is().test(raw))
        .findFirst()
        .map(k -> k.expected().apply(raw))
        .orElse("a " + Names.kebab(raw.getSimpleName()).replace('-', ' '));
  }

  static String found(Node node) {
    if (node instanceof SequenceNode) {
      return "a list";
    }
    if (node instanceof MappingNode) {
      return "a map";
    }
    return "\"" + ((ScalarNode) node).getValue() + "\"";
  }

  static String example(Class<?> raw, String field) {
    return KINDS.stream()
        .filter(k -> k.is().test(raw))
        .findFirst()
        .map(k -> k.example().apply(raw))
        .orElse(
            raw == Map.class || raw.isRecord() || raw.isInterface() ? "a map of fields" : "text");
  }
}
