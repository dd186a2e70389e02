package dev.faultline.proxy.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** Toxiproxy's JSON shapes: reading requests strictly, writing complete objects. Stateless. */
final class ApiJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private ApiJson() {}

  static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      throw ApiException.badRequest("EOF");
    }
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  static JsonNode parseObject(byte[] body) {
    JsonNode node = parse(body);
    if (!node.isObject()) {
      throw ApiException.badRequest("expected a JSON object");
    }
    return node;
  }

  static ProxyRequest proxyRequest(JsonNode node, boolean enabledByDefault) {
    if (!node.isObject()) {
      throw ApiException.badRequest("expected a JSON object for a proxy");
    }
    return new ProxyRequest(
        text(node, "name", null),
        text(node, "listen", null),
        text(node, "upstream", null),
        bool(node, "enabled", enabledByDefault));
  }

  static List<ProxyRequest> populateRequest(JsonNode node) {
    if (!node.isArray()) {
      throw ApiException.badRequest("expected a JSON array of proxies");
    }
    List<ProxyRequest> requests = new ArrayList<>();
    int index = 1;
    for (JsonNode entry : node) {
      String name = entry.isObject() ? text(entry, "name", null) : null;
      String upstream = entry.isObject() ? text(entry, "upstream", null) : null;
      if (name == null || name.isEmpty()) {
        throw ApiException.missingField("name at proxy " + index);
      }
      if (upstream == null || upstream.isEmpty()) {
        throw ApiException.missingField("upstream at proxy " + index);
      }
      requests.add(proxyRequest(entry, true));
      index++;
    }
    return requests;
  }

  static ToxicSpec newToxic(JsonNode node) {
    StreamDirection stream = StreamDirection.parse(text(node, "stream", "downstream"));
    String type = text(node, "type", "");
    String name = text(node, "name", "");
    if (name.isEmpty()) {
      name = type + "_" + stream.wireName();
    }
    ToxicKind kind = ToxicKind.parse(type);
    Map<String, Long> attributes = new LinkedHashMap<>();
    kind.attributeNames().forEach(attribute -> attributes.put(attribute, 0L));
    mergeAttributes(kind, attributes, node.get("attributes"));
    return new ToxicSpec(name, kind, stream, toxicity(node, 1.0f), attributes);
  }

  static ToxicSpec updatedToxic(ToxicSpec old, JsonNode node) {
    Map<String, Long> attributes = new LinkedHashMap<>(old.attributes());
    mergeAttributes(old.kind(), attributes, node.get("attributes"));
    return new ToxicSpec(
        old.name(), old.kind(), old.stream(), toxicity(node, old.toxicity()), attributes);
  }

  private static void mergeAttributes(ToxicKind kind, Map<String, Long> into, JsonNode given) {
    if (given == null || given.isNull()) {
      return;
    }
    if (!given.isObject()) {
      throw ApiException.badRequest("attributes must be an object");
    }
    for (String attribute : kind.attributeNames()) {
      JsonNode value = given.get(attribute);
      if (value == null || value.isNull()) {
        continue;
      }
      if (!value.isIntegralNumber() || !value.canConvertToLong()) {
        throw ApiException.badRequest(attribute + " must be an integer, got " + value);
      }
      if (value.longValue() < 0) {
        throw ApiException.badRequest(attribute + " must be >= 0, got " + value);
      }
      into.put(attribute, value.longValue());
    }
  }

  private static float toxicity(JsonNode node, float fallback) {
    return optional(
        node,
        "toxicity",
        fallback,
        "a number in [0, 1]",
        value -> value.isNumber() && !(value.floatValue() < 0 || value.floatValue() > 1),
        JsonNode::floatValue);
  }

  static String text(JsonNode node, String field, String fallback) {
    return optional(node, field, fallback, "a string", JsonNode::isTextual, JsonNode::textValue);
  }

  static boolean bool(JsonNode node, String field, boolean fallback) {
    return optional(
        node, field, fallback, "a boolean", JsonNode::isBoolean, JsonNode::booleanValue);
  }

  /**
   * The value of an optional field: {@code fallback} when it is absent or null, a bad request when
   * it is not {@code what}.
   */
  private static <T> T optional(
      JsonNode node,
      String field,
      T fallback,
      String what,
      Predicate<JsonNode> valid,
      Function<JsonNode, T> read) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!valid.test(value)) {
      throw ApiException.badRequest(field + " must be " + what + ", got " + value);
    }
    return read.apply(value);
  }

  static ObjectNode proxy(ProxyInstance proxy) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("name", proxy.name());
    node.put("listen", proxy.listen());
    node.put("upstream", proxy.upstream());
    node.put("enabled", proxy.enabled());
    node.set("toxics", toxics(proxy.toxics().snapshot().all()));
    return node;
  }

  static ArrayNode toxics(List<ToxicSpec> toxics) {
    ArrayNode array = MAPPER.createArrayNode();
    toxics.forEach(toxic -> array.add(toxic(toxic)));
    return array;
  }

  static ObjectNode toxic(ToxicSpec toxic) {
    ObjectNode node = MAPPER.createObjectNode();
    ObjectNode attributes = node.putObject("attributes");
    toxic.kind().attributeNames().forEach(name -> attributes.put(name, toxic.attribute(name)));
    node.put("name", toxic.name());
    node.put("type", toxic.kind().wireName());
    node.put("stream", toxic.stream().wireName());
    node.put("toxicity", toxic.toxicity());
    return node;
  }

  static ObjectNode error(ApiException error) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("error", error.getMessage());
    node.put("status", error.status());
    return node;
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render JSON", e);
    }
  }
}
