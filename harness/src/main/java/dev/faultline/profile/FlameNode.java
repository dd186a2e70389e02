package dev.faultline.profile;

import java.util.Collection;
import java.util.TreeMap;

/**
 * One frame of a {@link FlameTree} in the context of its callers: its inclusive weight and its
 * callees, ordered by frame name so that every walk over the tree is in the same order.
 */
final class FlameNode {

  private final String frame;
  private final TreeMap<String, FlameNode> children = new TreeMap<>();
  private long weight;

  FlameNode(String frame) {
    this.frame = frame;
  }

  String frame() {
    return frame;
  }

  /** The weight of every stack through this frame, its callees' included. */
  long weight() {
    return weight;
  }

  /** Callees by frame name. */
  Collection<FlameNode> children() {
    return children.values();
  }

  /** The callee with this frame name, or null. */
  FlameNode child(String name) {
    return children.get(name);
  }

  FlameNode childOrNew(String name) {
    return children.computeIfAbsent(name, FlameNode::new);
  }

  void addWeight(long more) {
    weight = Math.addExact(weight, more);
  }
}
