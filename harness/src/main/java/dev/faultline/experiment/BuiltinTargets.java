package dev.faultline.experiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services in {@code builtin/} and their variants: the correct one first, then the buggy twins.
 * The builtin module owns the list (its variant enums); its build writes it as {@value #CATALOG},
 * which the harness build copies here.
 */
public final class BuiltinTargets {

  static final String CATALOG = "META-INF/faultline/builtin-catalog.properties";

  private static final Map<String, List<String>> VARIANTS = read();

  private BuiltinTargets() {}

  /** Built-in service names. */
  public static List<String> names() {
    return List.copyOf(VARIANTS.keySet());
  }

  /** The variants of a built-in service, correct first; empty if the name is unknown. */
  public static List<String> variants(String service) {
    return VARIANTS.getOrDefault(service, List.of());
  }

  private static Map<String, List<String>> read() {
    InputStream in = BuiltinTargets.class.getClassLoader().getResourceAsStream(CATALOG);
    if (in == null) {
      throw new IllegalStateException(
          CATALOG + " is not on the classpath: build the builtin module first (./mvnw package)");
    }
    Map<String, List<String>> variants = new LinkedHashMap<>();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      lines
          .lines()
          .filter(line -> !line.isBlank())
          .map(line -> line.split("=", 2))
          .forEach(entry -> variants.put(entry[0], List.of(entry[1].split(","))));
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
    return Collections.unmodifiableMap(variants);
  }
}
