package dev.faultline.experiment.internal;

import dev.faultline.experiment.Scalar;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Phrases for error messages. */
final class Describe {
  private Describe() {}

  static String expected(Class<?> raw) {
    if (raw == String.class) {
      return "text";
    }
    if (Types.isWholeNumber(raw)) {
      return "a whole number";
    }
    if (Types.isNumber(raw)) {
      return "a number";
    }
    if (Types.isBoolean(raw)) {
      return "true or false";
    }
    if (raw == Duration.class) {
      return "a duration";
    }
    if (raw.isEnum()) {
      return "one of "
          + Arrays.stream(raw.getEnumConstants())
              .map(c -> Names.of((Enum<?>) c))
              .collect(Collectors.joining(", "));
    }
    if (raw == List.class) {
      return "a list";
    }
    return "a " + Names.kebab(raw.getSimpleName()).replace('-', ' ');
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
    if (raw == Duration.class) {
      return "a duration such as 500ms, 2s or 1m";
    }
    if (raw.isAnnotationPresent(Scalar.class)) {
      return "e.g. " + raw.getAnnotation(Scalar.class).example();
    }
    if (Types.isWholeNumber(raw)) {
      return "a whole number, e.g. 16";
    }
    if (Types.isNumber(raw)) {
      return "a number, e.g. 0.5";
    }
    if (Types.isBoolean(raw)) {
      return "true or false";
    }
    if (raw.isEnum()) {
      return Names.of((Enum<?>) raw.getEnumConstants()[0]) + " (or: " + expected(raw) + ")";
    }
    if (raw == List.class) {
      return "a list, one \"- item\" per line";
    }
    if (raw == Map.class || raw.isRecord() || raw.isInterface()) {
      return "a map of fields";
    }
    return "text";
  }
}
