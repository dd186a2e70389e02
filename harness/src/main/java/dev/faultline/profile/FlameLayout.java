package dev.faultline.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Where the boxes of a flame graph go, in tree order (depth first, callees by name): each box as
 * wide as its share of the total. A box narrower than {@link #MIN_WIDTH} is not drawn, nor are its
 * callees; beyond {@link #MAX_BOXES} the narrowest boxes are left out too, so that a tree of many
 * distinct deep stacks still draws small. A callee is never wider than its caller, so a box is kept
 * only with its callers.
 */
final class FlameLayout {

  static final double MIN_WIDTH = 0.5;
  static final int MAX_BOXES = 1200;

  /** One frame to draw, with the node at the same path in the baseline, if any. */
  record Box(FlameNode node, FlameNode baseline, int depth, double x, double width) {}

  private final List<Box> boxes;
  private final int leftOut;

  private FlameLayout(List<Box> all) {
    this.boxes = widest(all);
    this.leftOut = all.size() - boxes.size();
  }

  /** The boxes of {@code tree} (not empty) across {@code width}; baseline may be null. */
  static FlameLayout of(FlameTree tree, FlameTree baseline, double width) {
    List<Box> all = new ArrayList<>();
    double scale = width / tree.total();
    place(tree.root(), baseline == null ? null : baseline.root(), 0, 0, scale, all);
    return new FlameLayout(all);
  }

  private static void place(
      FlameNode node, FlameNode baseline, int depth, double x, double scale, List<Box> boxes) {
    double width = node.weight() * scale;
    if (width < MIN_WIDTH) {
      return;
    }
    boxes.add(new Box(node, baseline, depth, x, width));
    double childX = x;
    for (FlameNode child : node.children()) {
      FlameNode baselineChild = baseline == null ? null : baseline.child(child.frame());
      place(child, baselineChild, depth + 1, childX, scale, boxes);
      childX += child.weight() * scale;
    }
  }

  /** At most MAX_BOXES, the widest, shallower first among equals, still in tree order. */
  private static List<Box> widest(List<Box> all) {
    if (all.size() <= MAX_BOXES) {
      return List.copyOf(all);
    }
    Comparator<Integer> widestFirst =
        Comparator.<Integer>comparingLong(i -> -all.get(i).node().weight())
            .thenComparingInt(i -> all.get(i).depth())
            .thenComparingInt(i -> i);
    return IntStream.range(0, all.size())
        .boxed()
        .sorted(widestFirst)
        .limit(MAX_BOXES)
        .sorted()
        .map(all::get)
        .toList();
  }

  List<Box> boxes() {
    return boxes;
  }

  /** How many boxes wide enough to draw were left out to stay within MAX_BOXES. */
  int leftOut() {
    return leftOut;
  }

  int maxDepth() {
    return boxes.stream().mapToInt(Box::depth).max().orElse(0);
  }
}
