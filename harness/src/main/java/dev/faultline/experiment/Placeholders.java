package dev.faultline.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of a target's {@code command}, {@code env}, {@code properties}, {@code jvm-args}
 * and {@code url}: {@code ${port}} (the target's own port) and {@code ${url:NAME}}, {@code
 * ${host:NAME}}, {@code ${port:NAME}} (where another target or a proxy of the same experiment is
 * reached). Stateless and thread-safe.
 */
public final class Placeholders {

  /** What may stand between {@code ${} and {@code }}, for messages. */
  public static final String KNOWN = "${port}, ${url:NAME}, ${host:NAME}, ${port:NAME}";

  private static final Pattern ANY = Pattern.compile("\\$\\{([^}]*)}");
  private static final Pattern NAMED = Pattern.compile("(url|host|port):(.+)");

  private Placeholders() {}

  /** A well-formed placeholder: {@code name} is null for the target's own {@code ${port}}. */
  public record Reference(String kind, String name) {

    public boolean ownPort() {
      return name == null;
    }

    @Override
    public String toString() {
      return "${" + (name == null ? kind : kind + ":" + name) + "}";
    }
  }

  /** The text between {@code ${} and {@code }} of each placeholder in {@code text}, in order. */
  static List<String> written(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = ANY.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  /** The reference {@code inner} spells, or null when it is no placeholder Faultline knows. */
  static Reference parse(String inner) {
    if (inner.equals("port")) {
      return new Reference("port", null);
    }
    Matcher m = NAMED.matcher(inner);
    return m.matches() ? new Reference(m.group(1), m.group(2)) : null;
  }

  /**
   * {@code text} with each placeholder replaced by {@code values}; a null value leaves it as
   * written.
   */
  public static String resolve(String text, Function<Reference, String> values) {
    Matcher m = ANY.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Reference r = parse(m.group(1));
      String value = r == null ? null : values.apply(r);
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * The spec with every placeholder of its wired fields resolved by {@code values} (null: left as
   * written).
   */
  public static TargetSpec resolve(TargetSpec s, Function<Reference, String> values) {
    Function<String, String> r = text -> text == null ? null : resolve(text, values);
    return new TargetSpec(
        s.builtin(),
        s.variant(),
        s.command().stream().map(r).toList(),
        s.jar(),
        r.apply(s.url()),
        s.launch(),
        s.image(),
        s.health(),
        s.startupTimeout(),
        resolveValues(s.properties(), r),
        resolveValues(s.env(), r),
        s.jvmArgs().stream().map(r).toList(),
        s.calls());
  }

  /**
   * The spec with its own {@code ${port}} replaced by {@code port} everywhere it may be written.
   */
  public static TargetSpec withOwnPort(TargetSpec s, int port) {
    return resolve(s, ref -> ref.ownPort() ? String.valueOf(port) : null);
  }

  private static Map<String, String> resolveValues(
      Map<String, String> values, Function<String, String> r) {
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, r.apply(v)));
    return Collections.unmodifiableMap(out);
  }

  /**
   * Each wired field of the spec by its path below the target ({@code command[2]}, {@code
   * env.BACK}), in file order.
   */
  static Map<String, String> fields(TargetSpec s) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < s.command().size(); i++) {
      fields.put("command[" + i + "]", s.command().get(i));
    }
    if (s.url() != null) {
      fields.put("url", s.url());
    }
    s.properties().forEach((k, v) -> fields.put("properties." + k, v));
    s.env().forEach((k, v) -> fields.put("env." + k, v));
    for (int i = 0; i < s.jvmArgs().size(); i++) {
      fields.put("jvm-args[" + i + "]", s.jvmArgs().get(i));
    }
    return fields;
  }

  /** The targets and proxies the spec's placeholders name. */
  public static Set<String> namedIn(TargetSpec s) {
    Set<String> names = new LinkedHashSet<>();
    for (String value : fields(s).values()) {
      if (value == null) {
        continue;
      }
      for (String inner : written(value)) {
        Reference r = parse(inner);
        if (r != null && !r.ownPort()) {
          names.add(r.name());
        }
      }
    }
    return names;
  }
}
