package dev.faultline.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A call tree merged from stacks with weights: every stack adds its weight to each frame on its
 * path from the root, so a frame's weight includes its callees'. Equal paths merge; callees are
 * ordered by frame name.
 *
 * <p>A stack deeper than {@link #MAX_DEPTH} frames keeps its {@code MAX_DEPTH} frames nearest the
 * root and loses the rest, its weight ending at the last frame kept: the tree's memory is bounded
 * by the number of distinct capped paths, and the frames a reader compares (the service's own
 * callers) are on the root side.
 *
 * <p>Not thread-safe: build it on one thread, then read it.
 */
public final class FlameTree {

  /** The most frames kept of one stack, counted from the root. */
  public static final int MAX_DEPTH = 64;

  private final WeightUnit unit;
  private final FlameNode root = new FlameNode("all");

  /** An empty tree whose weights count {@code unit}. */
  public FlameTree(WeightUnit unit) {
    this.unit = Objects.requireNonNull(unit, "unit");
  }

  /**
   * Adds one stack.
   *
   * @param framesRootFirst the frames, outermost caller first, as {@code class.method}
   * @param weight samples or nanoseconds as the tree's unit says; 0 adds nothing
   */
  public void add(List<String> framesRootFirst, long weight) {
    if (weight < 0) {
      throw new IllegalArgumentException("weight must be >= 0, was " + weight);
    }
    List<String> frames = capped(framesRootFirst);
    frames.forEach(frame -> Objects.requireNonNull(frame, "a frame of framesRootFirst"));
    if (weight == 0) {
      return;
    }
    FlameNode node = root;
    node.addWeight(weight);
    for (String frame : frames) {
      node = node.childOrNew(frame);
      node.addWeight(weight);
    }
  }

  /** What the weights count. */
  public WeightUnit unit() {
    return unit;
  }

  /** The weight of every stack added. */
  public long total() {
    return root.weight();
  }

  /** Whether no weight was added. */
  public boolean isEmpty() {
    return total() == 0;
  }

  /**
   * The share of the total held by the stacks through this path, 0 to 1: 1 for the empty path, 0
   * when no stack took it or the tree is empty. A path deeper than {@link #MAX_DEPTH} is capped as
   * {@link #add} caps stacks.
   */
  public double share(List<String> pathRootFirst) {
    if (isEmpty()) {
      return 0;
    }
    FlameNode node = root;
    for (String frame : capped(pathRootFirst)) {
      node = node.child(frame);
      if (node == null) {
        return 0;
      }
    }
    return (double) node.weight() / total();
  }

  /**
   * The frames whose inclusive share of the total grew most against {@code baseline}, most growth
   * first (ties by frame name), at most {@code n} and only frames that grew. A frame is its name
   * wherever it was called from; a stack that holds a frame twice (recursion) counts once for it.
   *
   * @param baseline the tree to compare with, in the same unit: the steady window
   * @param n the most frames returned
   */
  public List<FrameGrowth> grewMost(FlameTree baseline, int n) {
    requireComparable(baseline);
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, was " + n);
    }
    Map<String, Double> now = inclusiveShares();
    Map<String, Double> before = baseline.inclusiveShares();
    Set<String> frames = new TreeSet<>(now.keySet());
    frames.addAll(before.keySet());
    List<FrameGrowth> grown = new ArrayList<>();
    for (String frame : frames) {
      FrameGrowth growth =
          new FrameGrowth(frame, before.getOrDefault(frame, 0.0), now.getOrDefault(frame, 0.0));
      if (growth.growth() > 0) {
        grown.add(growth);
      }
    }
    grown.sort(
        Comparator.comparingDouble(FrameGrowth::growth)
            .reversed()
            .thenComparing(FrameGrowth::frame));
    return List.copyOf(grown.subList(0, Math.min(n, grown.size())));
  }

  /** The root, named "all", whose weight is the total. */
  FlameNode root() {
    return root;
  }

  void requireComparable(FlameTree baseline) {
    Objects.requireNonNull(baseline, "baseline");
    if (!unit.equals(baseline.unit)) {
      throw new IllegalArgumentException(
          "baseline counts " + baseline.unit + " and this tree " + unit + "; compare like units");
    }
  }

  private static List<String> capped(List<String> frames) {
    Objects.requireNonNull(frames, "framesRootFirst");
    return frames.size() > MAX_DEPTH ? frames.subList(0, MAX_DEPTH) : frames;
  }

  /** Each frame name's inclusive share of the total, the root left out. */
  private Map<String, Double> inclusiveShares() {
    Map<String, Long> weights = new HashMap<>();
    Set<String> onPath = new HashSet<>();
    root.children().forEach(child -> addInclusive(child, onPath, weights));
    Map<String, Double> shares = new HashMap<>();
    weights.forEach((frame, weight) -> shares.put(frame, (double) weight / total()));
    return shares;
  }

  private static void addInclusive(FlameNode node, Set<String> onPath, Map<String, Long> weights) {
    boolean outermost = onPath.add(node.frame());
    if (outermost) {
      weights.merge(node.frame(), node.weight(), Long::sum);
    }
    node.children().forEach(child -> addInclusive(child, onPath, weights));
    if (outermost) {
      onPath.remove(node.frame());
    }
  }
}
