package dev.faultline.experiment.internal;

import dev.faultline.experiment.ExperimentError;
import dev.faultline.experiment.Limits;
import dev.faultline.experiment.Required;
import dev.faultline.experiment.Scalar;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Binds a composed YAML node tree (no objects are constructed by SnakeYAML, so no arbitrary type
 * can be instantiated) onto the model's records, collecting every error with its location instead
 * of stopping at the first. Not thread-safe: one instance per file.
 */
public final class YamlBinder {

  /** A position in the file, 1-based. */
  public record Location(int line, int column) {}

  private static final Set<Tag> STANDARD_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ, Tag.TIMESTAMP);

  private final BindingErrors errors;

  public YamlBinder(Path file) {
    this.errors = new BindingErrors(file);
  }

  public List<ExperimentError> errors() {
    return errors.list();
  }

  /** Where each bound field path ({@code load[0].rate}) was written. */
  public Map<String, Location> locations() {
    return errors.locations();
  }

  /**
   * Binds the document root onto {@code type}; null if anything was wrong (see {@link #errors()}).
   */
  public <T> T bindRoot(Node root, Class<T> type) {
    if (root == null) {
      errors.emptyFile();
      return null;
    }
    return type.cast(bind(root, type, ""));
  }

  /**
   * Records an error found after binding, at the location of {@code field} (or the nearest parent).
   */
  public void error(String field, String message, String fix) {
    errors.at(field, message, fix);
  }

  private void fail(Node node, String field, String message, String fix) {
    errors.at(node, field, message, fix);
  }

  private static boolean isNull(Node node) {
    return node == null || (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL));
  }

  private Object bind(Node node, Type type, String path) {
    errors.written(path, node);
    if (!STANDARD_TAGS.contains(node.getTag())) {
      fail(
          node,
          path,
          "YAML tags such as "
              + node.getTag().getValue().replace(Tag.PREFIX, "!!")
              + " are not allowed",
          "remove the tag; write a plain value");
      return null;
    }
    Class<?> raw = Types.raw(type);
    if (raw == List.class) {
      return bindList(node, Types.argument(type, 0), path);
    }
    if (raw == Map.class) {
      return bindMap(node, Types.argument(type, 1), path);
    }
    if (raw.isRecord() && !raw.isAnnotationPresent(Scalar.class)) {
      return bindRecord(node, raw, path);
    }
    if (raw.isSealed() && raw.isInterface()) {
      return bindWrappedVariant(node, raw, path);
    }
    if (!(node instanceof ScalarNode scalar)) {
      fail(
          node,
          path,
          "expected " + Describe.expected(raw) + ", found " + Describe.found(node),
          "write " + Describe.example(raw, path));
      return null;
    }
    return bindScalar(scalar, raw, path);
  }

  private Object bindScalar(ScalarNode node, Class<?> raw, String path) {
    String text = node.getValue();
    try {
      if (raw == Duration.class) {
        return Limits.parseDuration(path, text);
      }
      return ScalarValues.convert(
          text, raw, node.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN);
    } catch (IllegalArgumentException e) {
      String why =
          e.getMessage() == null
              ? "\"" + text + "\" is not " + Describe.expected(raw)
              : e.getMessage();
      String range = raw == Duration.class ? " (" + Limits.durationRange(path) + ")" : "";
      fail(node, path, why, "write " + Describe.example(raw, path) + range);
      return null;
    }
  }

  private List<Object> bindList(Node node, Type element, String path) {
    if (!(node instanceof SequenceNode seq)) {
      fail(
          node,
          path,
          "expected a list, found " + Describe.found(node),
          "write each item on its own line starting with \"- \"");
      return null;
    }
    List<Object> out = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < seq.getValue().size(); i++) {
      Object v = bind(seq.getValue().get(i), element, path + "[" + i + "]");
      ok &= v != null;
      out.add(v);
    }
    return ok ? out : null;
  }

  private Map<String, Object> bindMap(Node node, Type value, String path) {
    if (!(node instanceof MappingNode mapping)) {
      fail(
          node,
          path,
          "expected a map of name: value, found " + Describe.found(node),
          "write one \"name: value\" per line, indented under " + path);
      return null;
    }
    Map<String, NodeTuple> given = new LinkedHashMap<>();
    boolean ok = keysOf(mapping, path, given);
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, NodeTuple> e : given.entrySet()) {
      Object v = bind(e.getValue().getValueNode(), value, join(path, e.getKey()));
      ok &= v != null;
      out.put(e.getKey(), v);
    }
    return ok ? out : null;
  }

  /**
   * The entries of a map by key into {@code given}, each key once; says what is wrong with a key
   * that is no plain text or comes twice, and returns whether every key was fine.
   */
  private boolean keysOf(MappingNode mapping, String path, Map<String, NodeTuple> given) {
    boolean ok = true;
    for (NodeTuple t : mapping.getValue()) {
      String key = keyOf(t, path);
      if (key == null) {
        ok = false;
      } else if (given.containsKey(key)) {
        fail(
            t.getKeyNode(),
            join(path, key),
            "\"" + key + "\" is given twice",
            "keep one of the two");
        ok = false;
      } else {
        given.put(key, t);
      }
    }
    return ok;
  }

  private String keyOf(NodeTuple t, String path) {
    if (t.getKeyNode() instanceof ScalarNode s) {
      return s.getValue();
    }
    fail(
        t.getKeyNode(),
        path,
        "a key must be plain text",
        "write the key as a word followed by a colon");
    return null;
  }

  private Object bindWrappedVariant(Node node, Class<?> sealed, String path) {
    Map<String, Class<?>> byKey = new LinkedHashMap<>();
    Types.variants(sealed).forEach(v -> byKey.put(Names.variantKey(v), v));
    String kinds = String.join(", ", byKey.keySet());
    if (!(node instanceof MappingNode mapping) || mapping.getValue().size() != 1) {
      fail(
          node,
          path,
          "expected one of " + kinds + " as a single key",
          "write e.g. \"- " + byKey.keySet().iterator().next() + ": {...}\"");
      return null;
    }
    NodeTuple t = mapping.getValue().get(0);
    String key = keyOf(t, path);
    if (key == null) {
      return null;
    }
    Class<?> variant = byKey.get(key);
    if (variant == null) {
      String guess = Names.closest(key, byKey.keySet());
      fail(
          t.getKeyNode(),
          path,
          "unknown kind \"" + key + "\"",
          guess != null
              ? "did you mean " + guess + "? (valid: " + kinds + ")"
              : "use one of " + kinds);
      return null;
    }
    String child = path + "." + key;
    RecordComponent[] components = variant.getRecordComponents();
    if (t.getValueNode() instanceof ScalarNode
        && !isNull(t.getValueNode())
        && components.length == 1) {
      Object v = bind(t.getValueNode(), components[0].getGenericType(), child);
      return v == null ? null : construct(variant, new Object[] {v}, t.getValueNode(), child);
    }
    return bindRecord(orEmptyMap(t.getValueNode()), variant, child);
  }

  private Object bindRecord(Node node, Class<?> type, String path) {
    if (!(node instanceof MappingNode mapping)) {
      fail(
          node,
          path,
          "expected a map of fields, found " + Describe.found(node),
          "write the fields of " + Describe.expected(type) + " as \"key: value\" lines");
      return null;
    }
    Map<String, NodeTuple> given = new LinkedHashMap<>();
    boolean ok = keysOf(mapping, path, given);
    RecordComponent[] components = type.getRecordComponents();
    List<String> known = new ArrayList<>();
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      if (Types.isInline(c)) {
        Object v = bindInline(mapping, given, c, path, known);
        ok &= v != null || !c.isAnnotationPresent(Required.class);
        args[i] = v;
        continue;
      }
      String key = Names.key(c);
      known.add(key);
      NodeTuple t = given.get(key);
      if (t == null || isNull(t.getValueNode())) {
        if (c.isAnnotationPresent(Required.class)) {
          fail(
              t == null ? node : t.getValueNode(),
              join(path, key),
              "required field \"" + key + "\" is missing",
              "add \""
                  + key
                  + ": "
                  + Describe.example(Types.raw(c.getGenericType()), key)
                  + "\""
                  + (path.isEmpty() ? "" : " under " + path));
          ok = false;
        } else {
          args[i] = ScalarValues.defaultOf(c);
        }
        continue;
      }
      Object v = bind(t.getValueNode(), c.getGenericType(), join(path, key));
      ok &= v != null;
      args[i] = v;
    }
    for (Map.Entry<String, NodeTuple> e : given.entrySet()) {
      if (!known.contains(e.getKey())) {
        String guess = Names.closest(e.getKey(), known);
        fail(
            e.getValue().getKeyNode(),
            join(path, e.getKey()),
            "unknown field \"" + e.getKey() + "\"",
            guess != null
                ? "did you mean \"" + guess + "\"?"
                : "remove it; valid fields here: " + String.join(", ", known));
        ok = false;
      }
    }
    return ok ? construct(type, args, node, path) : null;
  }

  private Object bindInline(
      MappingNode mapping,
      Map<String, NodeTuple> given,
      RecordComponent c,
      String path,
      List<String> known) {
    Map<String, Class<?>> byKey = new LinkedHashMap<>();
    Types.variants(Types.raw(c.getGenericType())).forEach(v -> byKey.put(Names.variantKey(v), v));
    known.addAll(byKey.keySet());
    List<String> present = byKey.keySet().stream().filter(given::containsKey).toList();
    String kinds = String.join(", ", byKey.keySet());
    if (present.size() != 1) {
      if (present.isEmpty()) {
        String guess =
            given.keySet().stream()
                .map(k -> Names.closest(k, byKey.keySet()))
                .filter(g -> g != null)
                .findFirst()
                .orElse(null);
        fail(
            mapping,
            path,
            "no kind given: one of " + kinds + " is needed",
            guess != null
                ? "did you mean \"" + guess + "\"?"
                : "add one key naming the kind, e.g. \""
                    + byKey.keySet().iterator().next()
                    + ": {...}\"");
      } else {
        fail(
            given.get(present.get(1)).getKeyNode(),
            join(path, present.get(1)),
            "more than one kind given (" + String.join(", ", present) + ")",
            "keep one; split the rest into their own entries");
      }
      return null;
    }
    String key = present.get(0);
    NodeTuple t = given.get(key);
    return bindRecord(orEmptyMap(t.getValueNode()), byKey.get(key), join(path, key));
  }

  /** A kind written with nothing after its colon has all its fields left out. */
  private static Node orEmptyMap(Node body) {
    if (!isNull(body)) {
      return body;
    }
    return new MappingNode(
        Tag.MAP,
        false,
        new ArrayList<>(),
        body.getStartMark(),
        body.getEndMark(),
        DumperOptions.FlowStyle.FLOW);
  }

  private Object construct(Class<?> type, Object[] args, Node node, String path) {
    try {
      Class<?>[] params =
          Arrays.stream(type.getRecordComponents())
              .map(RecordComponent::getType)
              .toArray(Class<?>[]::new);
      var ctor = type.getDeclaredConstructor(params);
      ctor.setAccessible(true);
      return ctor.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof IllegalArgumentException iae) {
        fail(node, path, iae.getMessage(), "correct the value as the message says");
        return null;
      }
      throw new IllegalStateException(
          "could not build " + type.getSimpleName() + " at " + path, e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("could not build " + type.getSimpleName(), e);
    }
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
