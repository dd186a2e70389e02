package dev.faultline.profile;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One frame of a {@link FlameTree} in the context of its callers: its inclusive weight and its
 * callees, listed by frame name so that every walk over the tree is in the same order.
 */
final class FlameNode {

  private final String frame;

  /**
   * Hashed rather than sorted, since frames share long package prefixes that make comparisons slow;
   * none until the first callee, since most nodes of a deep tree are leaves or in chains.
   */
  private Map<String, FlameNode> children = Map.of();

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

  /** Callees in frame name order. */
  List<FlameNode> children() {
    return children.values().stream().sorted(Comparator.comparing(FlameNode::frame)).toList();
  }

  /** The callee with this frame name, or null. */
  FlameNode child(String name) {
    return children.get(name);
  }

  FlameNode childOrNew(String name) {
    FlameNode child = children.get(name);
    if (child == null) {
      if (children.isEmpty()) {
        children = new HashMap<>(2);
      }
      child = new FlameNode(name);
      children.put(name, child);
    }
    return child;
  }

  void addWeight(long more) {
    weight = Math.addExact(weight, more);
  }
}
