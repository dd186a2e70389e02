package dev.faultline.proxy.internal;

import java.util.Map;

/**
 * One configured toxic, immutable: what the API shows and what each connection's stage is built
 * from. {@code attributes} always holds every attribute of the type, defaults filled in.
 */
record ToxicSpec(
    String name,
    ToxicKind kind,
    StreamDirection stream,
    float toxicity,
    Map<String, Long> attributes) {

  ToxicSpec {
    attributes = Map.copyOf(attributes);
  }

  long attribute(String key) {
    Long value = attributes.get(key);
    if (value == null) {
      throw new IllegalArgumentException(kind.wireName() + " has no attribute " + key);
    }
    return value;
  }

  /** True when a live connection can keep its stage's state and only re-read settings. */
  boolean sameIdentity(ToxicSpec other) {
    return name.equals(other.name) && kind == other.kind && stream == other.stream;
  }
}
