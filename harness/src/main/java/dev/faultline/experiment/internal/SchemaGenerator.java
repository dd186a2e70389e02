package dev.faultline.experiment.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.experiment.Default;
import dev.faultline.experiment.Doc;
import dev.faultline.experiment.Durations;
import dev.faultline.experiment.Required;
import dev.faultline.experiment.Scalar;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Describes the model's records as a JSON Schema (draft 2020-12), from the same annotations the
 * binder reads, so the schema cannot drift from what the loader accepts. Stateless.
 */
public final class SchemaGenerator {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private SchemaGenerator() {}

  /** The schema of {@code root} as pretty-printed JSON, ending with a newline. */
  public static String generate(Class<?> root, String id) {
    ObjectNode schema = JSON.objectNode();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("$id", id);
    schema.put("title", "Faultline experiment");
    schema.setAll(describe(root));
    try {
      return new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(schema)
          + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode describe(Type type) {
    Class<?> raw = Types.raw(type);
    ObjectNode node = JSON.objectNode();
    if (raw == List.class) {
      node.put("type", "array");
      node.set("items", describe(Types.argument(type, 0)));
    } else if (raw == Map.class) {
      node.put("type", "object");
      node.set("additionalProperties", describe(Types.argument(type, 1)));
    } else if (raw.isRecord() && !raw.isAnnotationPresent(Scalar.class)) {
      describeRecord(raw, node);
    } else if (raw.isSealed() && raw.isInterface()) {
      ArrayNode oneOf = node.putArray("oneOf");
      for (Class<?> variant : Types.variants(raw)) {
        oneOf.add(wrapped(variant));
      }
    } else {
      describeScalar(raw, node);
    }
    doc(raw.getAnnotation(Doc.class), raw, node);
    return node;
  }

  private static ObjectNode wrapped(Class<?> variant) {
    String key = Names.variantKey(variant);
    ObjectNode item = JSON.objectNode();
    item.put("type", "object");
    RecordComponent[] components = variant.getRecordComponents();
    ObjectNode body = describe(variant);
    if (components.length == 1) {
      ObjectNode either = JSON.objectNode();
      either.putArray("anyOf").add(body).add(describe(components[0].getGenericType()));
      body = either;
    }
    item.putObject("properties").set(key, body);
    item.putArray("required").add(key);
    item.put("additionalProperties", false);
    return item;
  }

  private static void describeRecord(Class<?> raw, ObjectNode node) {
    node.put("type", "object");
    ObjectNode properties = node.putObject("properties");
    List<String> required = new ArrayList<>();
    for (RecordComponent c : raw.getRecordComponents()) {
      if (Types.isInline(c)) {
        ArrayNode oneOf = node.putArray("oneOf");
        for (Class<?> variant : Types.variants(Types.raw(c.getGenericType()))) {
          String key = Names.variantKey(variant);
          properties.set(key, describe(variant));
          oneOf.addObject().putArray("required").add(key);
        }
        continue;
      }
      String key = Names.key(c);
      ObjectNode property = describe(c.getGenericType());
      doc(c.getAnnotation(Doc.class), Types.raw(c.getGenericType()), property);
      Default d = c.getAnnotation(Default.class);
      if (d != null) {
        Class<?> type = Types.raw(c.getGenericType());
        if (Types.isWholeNumber(type)) {
          property.put("default", Long.parseLong(d.value()));
        } else if (Types.isNumber(type)) {
          property.put("default", Double.parseDouble(d.value()));
        } else if (Types.isBoolean(type)) {
          property.put("default", Boolean.parseBoolean(d.value()));
        } else {
          property.put("default", d.value());
        }
      }
      properties.set(key, property);
      if (c.isAnnotationPresent(Required.class)) {
        required.add(key);
      }
    }
    if (!required.isEmpty()) {
      ArrayNode r = node.putArray("required");
      required.forEach(r::add);
    }
    node.put("additionalProperties", false);
  }

  private static void describeScalar(Class<?> raw, ObjectNode node) {
    if (raw == String.class) {
      node.put("type", "string");
    } else if (Types.isWholeNumber(raw)) {
      node.put("type", "integer");
    } else if (Types.isNumber(raw)) {
      node.put("type", "number");
    } else if (Types.isBoolean(raw)) {
      node.put("type", "boolean");
    } else if (raw == Duration.class) {
      node.put("type", "string");
      node.put("pattern", Durations.PATTERN);
      node.putArray("examples").add("500ms").add("2s").add("1m");
    } else if (raw.isEnum()) {
      ArrayNode values = node.putArray("enum");
      for (Object c : raw.getEnumConstants()) {
        values.add(Names.of((Enum<?>) c));
      }
    } else if (raw.isAnnotationPresent(Scalar.class)) {
      Scalar s = raw.getAnnotation(Scalar.class);
      node.put("type", "string");
      node.put("pattern", s.pattern());
      node.putArray("examples").add(s.example());
    } else {
      throw new IllegalStateException("no schema for " + raw);
    }
  }

  private static void doc(Doc doc, Class<?> type, ObjectNode node) {
    if (doc != null && !node.has("description")) {
      node.put("description", doc.value().replace(Doc.KINDS, String.join(", ", kinds(type))));
    }
  }

  /**
   * The YAML keys of the kinds {@code type} holds: its variants if it is sealed, else those of its
   * inline component.
   */
  static List<String> kinds(Class<?> type) {
    Class<?> sealed = type;
    if (type.isRecord()) {
      for (RecordComponent c : type.getRecordComponents()) {
        if (Types.isInline(c)) {
          sealed = Types.raw(c.getGenericType());
        }
      }
    }
    if (!sealed.isSealed()) {
      return List.of();
    }
    return Types.variants(sealed).stream().map(Names::variantKey).toList();
  }
}
