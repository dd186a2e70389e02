package dev.faultline.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FlameTreeTest {

  private static final String MAIN = "java.lang.Thread.run";
  private static final String INCREMENT = "dev.faultline.builtin.counter.LockedCounter.increment";

  private static FlameTree samples() {
    return new FlameTree(WeightUnit.samples());
  }

  @Test
  void equal_paths_merge_and_every_frame_weighs_its_callees_too() {
    FlameTree tree = samples();
    tree.add(List.of(MAIN, "Handler.serve", INCREMENT), 3);
    tree.add(List.of(MAIN, "Handler.serve", INCREMENT), 2);
    tree.add(List.of(MAIN, "Handler.serve", "Handler.log"), 5);

    assertThat(tree.total()).isEqualTo(10);
    assertThat(tree.isEmpty()).isFalse();
    assertThat(tree.root().children()).extracting(FlameNode::frame).containsExactly(MAIN);
    FlameNode serve = tree.root().child(MAIN).child("Handler.serve");
    assertThat(serve.weight()).isEqualTo(10);
    assertThat(serve.children())
        .as("callees in name order, whatever order they came in")
        .extracting(FlameNode::frame)
        .containsExactly("Handler.log", INCREMENT);
    assertThat(tree.share(List.of())).isEqualTo(1.0);
    assertThat(tree.share(List.of(MAIN, "Handler.serve"))).isEqualTo(1.0);
    assertThat(tree.share(List.of(MAIN, "Handler.serve", INCREMENT))).isEqualTo(0.5);
    assertThat(tree.share(List.of(MAIN, INCREMENT))).as("not at that path").isZero();
  }

  @Test
  void a_tree_without_weight_is_empty_and_every_share_of_it_is_zero() {
    FlameTree tree = samples();
    tree.add(List.of(MAIN), 0);

    assertThat(tree.isEmpty()).isTrue();
    assertThat(tree.total()).isZero();
    assertThat(tree.root().children()).as("a zero weight adds no frame").isEmpty();
    assertThat(tree.share(List.of())).isZero();
  }

  @Test
  void a_stack_deeper_than_the_cap_keeps_the_frames_nearest_the_root() {
    List<String> deep = IntStream.range(0, 100).mapToObj(i -> "Deep.call" + i).toList();
    FlameTree tree = samples();
    tree.add(deep, 7);

    FlameNode node = tree.root();
    int depth = 0;
    while (!node.children().isEmpty()) {
      node = node.children().iterator().next();
      depth++;
    }
    assertThat(depth).isEqualTo(FlameTree.MAX_DEPTH).isEqualTo(64);
    assertThat(node.frame()).isEqualTo("Deep.call63");
    assertThat(node.weight()).as("the cut stack's weight ends at the last frame kept").isEqualTo(7);
    assertThat(tree.share(deep)).as("a deep path is cut as stacks are").isEqualTo(1.0);
  }

  @Test
  void a_negative_weight_or_a_missing_frame_is_refused() {
    FlameTree tree = samples();

    assertThatThrownBy(() -> tree.add(List.of(MAIN), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("weight must be >= 0, was -1");
    assertThatThrownBy(() -> tree.add(java.util.Arrays.asList(MAIN, null), 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("a frame of framesRootFirst");
    assertThat(tree.isEmpty()).as("nothing of a refused stack was added").isTrue();
  }

  @Test
  void grew_most_lists_the_frames_whose_inclusive_share_grew_most_first() {
    FlameTree steady = samples();
    steady.add(List.of(MAIN, "A.a"), 60);
    steady.add(List.of(MAIN, "B.b"), 30);
    steady.add(List.of(MAIN, "C.c"), 10);
    FlameTree fault = samples();
    fault.add(List.of(MAIN, "A.a"), 20);
    fault.add(List.of(MAIN, "B.b"), 40);
    fault.add(List.of(MAIN, "C.c"), 40);

    List<FrameGrowth> grown = fault.grewMost(steady, 5);

    assertThat(grown)
        .as("A.a shrank and the root frame stayed at 100 %%: neither grew")
        .extracting(FrameGrowth::frame)
        .containsExactly("C.c", "B.b");
    assertThat(grown.get(0).shareBefore()).isCloseTo(0.1, within(1e-9));
    assertThat(grown.get(0).shareNow()).isCloseTo(0.4, within(1e-9));
    assertThat(grown.get(0).growth()).isCloseTo(0.3, within(1e-9));
    assertThat(fault.grewMost(steady, 1)).extracting(FrameGrowth::frame).containsExactly("C.c");
    assertThat(fault.grewMost(steady, 0)).isEmpty();
  }

  @Test
  void grew_most_sums_a_frame_over_its_callers_and_counts_a_recursive_stack_once() {
    FlameTree steady = samples();
    steady.add(List.of("X.x", INCREMENT), 5);
    steady.add(List.of("X.x", "X.other"), 15);
    FlameTree fault = samples();
    fault.add(List.of("X.x", INCREMENT, INCREMENT), 10);
    fault.add(List.of("Y.y", INCREMENT), 10);

    FrameGrowth increment = fault.grewMost(steady, 1).get(0);

    assertThat(increment.frame()).isEqualTo(INCREMENT);
    assertThat(increment.label()).isEqualTo("LockedCounter.increment");
    assertThat(increment.shareBefore()).isEqualTo(0.25);
    assertThat(increment.shareNow()).as("in every stack, never above 100 %%").isEqualTo(1.0);
  }

  @Test
  void grew_most_breaks_ties_by_frame_name() {
    FlameTree steady = samples();
    steady.add(List.of("Z.z"), 10);
    FlameTree fault = samples();
    fault.add(List.of("Z.z", "B.b"), 5);
    fault.add(List.of("Z.z", "A.a"), 5);

    assertThat(fault.grewMost(steady, 3))
        .extracting(FrameGrowth::frame)
        .containsExactly("A.a", "B.b");
  }

  @Test
  void trees_of_different_units_are_not_compared() {
    FlameTree blocked = new FlameTree(WeightUnit.nanoseconds("blocked"));

    assertThatThrownBy(() -> blocked.grewMost(samples(), 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "baseline counts samples and this tree nanoseconds blocked; compare like units");
    assertThatThrownBy(() -> blocked.grewMost(blocked, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n must be >= 0, was -1");
  }

  @Test
  void weights_read_in_their_unit() {
    WeightUnit blocked = WeightUnit.nanoseconds("blocked");

    assertThat(WeightUnit.samples().format(1)).isEqualTo("1 sample");
    assertThat(WeightUnit.samples().format(12_345)).isEqualTo("12,345 samples");
    assertThat(blocked.format(420_000)).isEqualTo("0.42 ms blocked");
    assertThat(blocked.format(12_340_000)).isEqualTo("12.3 ms blocked");
    assertThat(blocked.format(812_000_000)).isEqualTo("812 ms blocked");
    assertThat(blocked.format(1_234_000_000)).isEqualTo("1.2 s blocked");
    assertThatThrownBy(() -> WeightUnit.nanoseconds(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("state must name what the time was spent in, was blank");
  }

  @Test
  void a_frame_reads_without_its_package() {
    assertThat(FrameLabels.shortName(INCREMENT)).isEqualTo("LockedCounter.increment");
    assertThat(FrameLabels.shortName("java.util.HashMap.<init>")).isEqualTo("HashMap.<init>");
    assertThat(FrameLabels.shortName("a.b.Outer$Inner.lambda$run$0"))
        .isEqualTo("Outer$Inner.lambda$run$0");
    assertThat(FrameLabels.shortName("all")).isEqualTo("all");
    assertThat(FrameLabels.shortName("lower.case.only")).isEqualTo("case.only");
  }
}
