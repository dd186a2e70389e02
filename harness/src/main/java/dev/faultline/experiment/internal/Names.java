package dev.faultline.experiment.internal;

import dev.faultline.experiment.Key;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Locale;

/** YAML names of Java things, and "did you mean" for typos. */
public final class Names {

  private Names() {}

  /** {@code startupTimeout} becomes {@code startup-timeout}. */
  public static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  /** The YAML key of a record component. */
  public static String key(RecordComponent c) {
    Key key = c.getAnnotation(Key.class);
    return key != null ? key.value() : kebab(c.getName());
  }

  /** The YAML spelling of an enum constant. */
  public static String of(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The YAML key that selects a variant of a sealed type. */
  public static String variantKey(Class<?> variant) {
    Key key = variant.getAnnotation(Key.class);
    return key != null ? key.value() : kebab(variant.getSimpleName());
  }

  /** The closest candidate within a small edit distance, or null. */
  public static String closest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(word.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return best != null && bestDistance <= Math.max(2, word.length() / 3) ? best : null;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
