package dev.faultline.load;

import java.util.HashMap;
import java.util.Map;
import java.util.prefs.AbstractPreferences;
import java.util.prefs.Preferences;
import java.util.prefs.PreferencesFactory;

/**
 * Java preferences held in the forked Gatling JVM's memory only (not API; named by {@code
 * -Djava.util.prefs.PreferencesFactory}, so it must be public). The fork seeds Gatling's
 * version-check cache there; nothing is written to the run folder or the user's home, and no
 * preferences sync thread runs. Thread-safe: {@link AbstractPreferences} locks each node.
 */
public final class InMemoryPreferencesFactory implements PreferencesFactory {

  private static final Preferences USER = new Node(null, "");
  private static final Preferences SYSTEM = new Node(null, "");

  /** Called by {@link Preferences} through reflection. */
  public InMemoryPreferencesFactory() {}

  @Override
  public Preferences userRoot() {
    return USER;
  }

  @Override
  public Preferences systemRoot() {
    return SYSTEM;
  }

  private static final class Node extends AbstractPreferences {

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, Node> children = new HashMap<>();

    Node(Node parent, String name) {
      super(parent, name);
    }

    @Override
    protected void putSpi(String key, String value) {
      values.put(key, value);
    }

    @Override
    protected String getSpi(String key) {
      return values.get(key);
    }

    @Override
    protected void removeSpi(String key) {
      values.remove(key);
    }

    @Override
    protected void removeNodeSpi() {
      values.clear();
    }

    @Override
    protected String[] keysSpi() {
      return values.keySet().toArray(String[]::new);
    }

    @Override
    protected String[] childrenNamesSpi() {
      return children.keySet().toArray(String[]::new);
    }

    @Override
    protected AbstractPreferences childSpi(String name) {
      return children.computeIfAbsent(name, n -> new Node(this, n));
    }

    @Override
    protected void syncSpi() {
      // nothing is stored anywhere else
    }

    @Override
    protected void flushSpi() {
      // nothing is stored anywhere else
    }
  }
}
