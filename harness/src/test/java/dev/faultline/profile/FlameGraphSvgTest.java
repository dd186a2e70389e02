package dev.faultline.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class FlameGraphSvgTest {

  private static final String RUN = "java.lang.Thread.run";
  private static final String INCREMENT = "dev.faultline.builtin.counter.LockedCounter.increment";

  static Document parsed(String svg) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory
          .newDocumentBuilder()
          .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + svg, e);
    }
  }

  /** The box whose tooltip starts with this label, if it was drawn. */
  static Optional<Element> box(Document svg, String label) {
    NodeList groups = svg.getElementsByTagName("g");
    for (int i = 0; i < groups.getLength(); i++) {
      Element group = (Element) groups.item(i);
      if (tooltip(group).startsWith(label + " — ")) {
        return Optional.of(group);
      }
    }
    return Optional.empty();
  }

  static String tooltip(Element box) {
    return box.getElementsByTagName("title").item(0).getTextContent();
  }

  static Element rect(Element box) {
    return (Element) box.getElementsByTagName("rect").item(0);
  }

  static String label(Element box) {
    NodeList text = box.getElementsByTagName("text");
    return text.getLength() == 0 ? null : text.item(0).getTextContent();
  }

  /** A tree of samples from paths ("A.a/B.b", root first) each followed by its weight. */
  static FlameTree stacks(Object... pathsAndWeights) {
    FlameTree tree = new FlameTree(WeightUnit.samples());
    for (int i = 0; i < pathsAndWeights.length; i += 2) {
      String path = (String) pathsAndWeights[i];
      tree.add(List.of(path.split("/")), ((Number) pathsAndWeights[i + 1]).longValue());
    }
    return tree;
  }

  private static FlameTree blocked() {
    FlameTree tree = new FlameTree(WeightUnit.nanoseconds("blocked"));
    tree.add(List.of(RUN, INCREMENT), 1_290_000_000L);
    tree.add(List.of(RUN, "java.util.HashMap.<init>"), 1_000_000_000L);
    tree.add(List.of(RUN, "a.Rock&Roll.play"), 710_000_000L);
    return tree;
  }

  @Test
  void a_box_tooltip_says_the_frame_its_weight_in_its_unit_and_its_share() {
    Document svg = parsed(FlameGraphSvg.render(blocked(), "Blocked: counter-locked"));

    assertThat(tooltip(box(svg, "LockedCounter.increment").orElseThrow()))
        .isEqualTo("LockedCounter.increment — 1.3 s blocked, 43.0 %");
    assertThat(tooltip(box(svg, "all").orElseThrow())).isEqualTo("all — 3.0 s blocked, 100.0 %");
  }

  @Test
  void the_svg_is_an_accessible_image_with_its_title() {
    Element root = parsed(FlameGraphSvg.render(blocked(), "Blocked <fault>")).getDocumentElement();

    assertThat(root.getLocalName()).isEqualTo("svg");
    assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
    assertThat(root.getAttribute("role")).isEqualTo("img");
    assertThat(root.getAttribute("aria-label")).isEqualTo("Blocked <fault>");
    assertThat(root.getAttribute("viewBox")).startsWith("0 0 1000 ");
  }

  @Test
  void frames_with_markup_characters_are_escaped() {
    String svg = FlameGraphSvg.render(blocked(), "t");

    assertThat(svg).contains("HashMap.&lt;init&gt;").contains("Rock&amp;Roll.play");
    assertThat(svg).doesNotContain("<init>").doesNotContain("Rock&Roll");
    Document parsed = parsed(svg);
    assertThat(tooltip(box(parsed, "HashMap.<init>").orElseThrow()))
        .isEqualTo("HashMap.<init> — 1.0 s blocked, 33.3 %");
    assertThat(label(box(parsed, "Rock&Roll.play").orElseThrow())).isEqualTo("Rock&Roll.play");
  }

  @Test
  void characters_xml_cannot_hold_become_replacement_characters() {
    FlameTree tree = stacks("Odd\u0000Frame.run\uD800", 1);

    Document parsed = parsed(FlameGraphSvg.render(tree, "title\u0007"));

    assertThat(parsed.getDocumentElement().getAttribute("aria-label")).isEqualTo("title\uFFFD");
    assertThat(box(parsed, "Odd\uFFFDFrame.run\uFFFD")).isPresent();
  }

  @Test
  void the_root_is_drawn_at_the_bottom() {
    Document svg = parsed(FlameGraphSvg.render(blocked(), "t"));

    double root = Double.parseDouble(rect(box(svg, "all").orElseThrow()).getAttribute("y"));
    double caller =
        Double.parseDouble(rect(box(svg, "Thread.run").orElseThrow()).getAttribute("y"));
    double callee =
        Double.parseDouble(
            rect(box(svg, "LockedCounter.increment").orElseThrow()).getAttribute("y"));
    assertThat(root).isEqualTo(caller + 16).isEqualTo(callee + 32);
  }

  @Test
  void labels_are_cut_to_their_box_and_left_out_of_narrow_ones() {
    FlameTree tree =
        stacks(
            "Wide.frameWithALongName",
            900,
            "Mid.frameWithALongName",
            60,
            "Narrow.frame",
            25,
            "Tiny.frame",
            1,
            "Rest.frame",
            14);
    Document svg = parsed(FlameGraphSvg.render(tree, "t"));

    assertThat(label(box(svg, "Wide.frameWithALongName").orElseThrow()))
        .isEqualTo("Wide.frameWithALongName");
    assertThat(label(box(svg, "Mid.frameWithALongName").orElseThrow()))
        .as("60 units hold 8 characters")
        .isEqualTo("Mid.fra…");
    assertThat(label(box(svg, "Narrow.frame").orElseThrow())).as("25 units").isNull();
    assertThat(box(svg, "Tiny.frame")).as("1 of 1000 samples is 1 unit wide").isPresent();
  }

  @Test
  void boxes_narrower_than_half_a_unit_are_not_drawn() {
    FlameTree tree = stacks("Busy.work", 9_996, "Rare.call/Rare.callee", 4);
    Document svg = parsed(FlameGraphSvg.render(tree, "t"));

    assertThat(box(svg, "Busy.work")).isPresent();
    assertThat(box(svg, "Rare.call")).as("0.4 units wide").isEmpty();
    assertThat(box(svg, "Rare.callee")).isEmpty();
  }

  @Test
  void fifty_thousand_samples_of_distinct_deep_stacks_draw_well_under_300_kilobytes() {
    FlameTree tree = randomStacks(50_000, new Random(15));

    String svg = FlameGraphSvg.render(tree, "CPU: 50 000 samples");

    assertThat(svg.getBytes(StandardCharsets.UTF_8).length).isLessThan(250_000);
    Document parsed = parsed(svg);
    assertThat(parsed.getElementsByTagName("rect").getLength())
        .isGreaterThan(100)
        .isLessThanOrEqualTo(FlameLayout.MAX_BOXES);
  }

  @Test
  void a_wide_tree_of_deep_chains_keeps_its_widest_boxes_each_with_its_callers() {
    FlameTree tree = new FlameTree(WeightUnit.samples());
    for (int chain = 0; chain < 1_000; chain++) {
      List<String> stack = new ArrayList<>();
      for (int depth = 0; depth < 64; depth++) {
        stack.add("dev.example.Chain" + chain + ".call" + depth);
      }
      tree.add(stack, 1 + chain * 37 % 99);
    }

    String svg = FlameGraphSvg.render(tree, "t");

    assertThat(tree.total()).isEqualTo(49_987);
    assertThat(svg.getBytes(StandardCharsets.UTF_8).length).isLessThan(250_000);
    Document parsed = parsed(svg);
    assertThat(box(parsed, "Chain8.call63"))
        .as("the heaviest chain, 99 samples, is drawn to its top")
        .isPresent();
    assertThat(box(parsed, "Chain65.call0"))
        .as("a chain of 30 samples, 0.6 units wide, gives way to the wider ones")
        .isEmpty();
    NodeList rects = parsed.getElementsByTagName("rect");
    assertThat(rects.getLength()).isEqualTo(FlameLayout.MAX_BOXES);
    assertThat(svg)
        .containsPattern(
            "a box&#39;s width is its share of 49,987 samples\\. \\d+ narrow"
                + " boxes left out\\.");
    double[][] boxes = new double[rects.getLength()][];
    for (int i = 0; i < boxes.length; i++) {
      Element rect = (Element) rects.item(i);
      boxes[i] =
          new double[] {
            Double.parseDouble(rect.getAttribute("x")),
            Double.parseDouble(rect.getAttribute("y")),
            Double.parseDouble(rect.getAttribute("width"))
          };
    }
    for (double[] box : boxes) {
      assertThat(box[2] == 1000 || hasCaller(box, boxes))
          .as("the box at x %s, y %s is drawn with its caller", box[0], box[1])
          .isTrue();
    }
  }

  /** Whether a box one row down spans this one. */
  private static boolean hasCaller(double[] box, double[][] boxes) {
    for (double[] other : boxes) {
      if (other[1] == box[1] + 16
          && other[0] <= box[0] + 0.1
          && other[0] + other[2] >= box[0] + box[2] - 0.1) {
        return true;
      }
    }
    return false;
  }

  /**
   * Stacks 20 to 60 deep, each frame one of a few per depth, so nearly every stack is distinct and
   * a few levels up every box is narrower than half a unit.
   */
  static FlameTree randomStacks(int samples, Random random) {
    String[][] frames = new String[60][6];
    for (int d = 0; d < frames.length; d++) {
      for (int k = 0; k < frames[d].length; k++) {
        frames[d][k] = "dev.example.layer" + d + ".Service" + k + ".call";
      }
    }
    FlameTree tree = new FlameTree(WeightUnit.samples());
    for (int i = 0; i < samples; i++) {
      int depth = 20 + random.nextInt(41);
      List<String> stack = new ArrayList<>(depth);
      for (int d = 0; d < depth; d++) {
        stack.add(frames[d][random.nextInt(d < 3 ? 3 : 6)]);
      }
      tree.add(stack, 1);
    }
    return tree;
  }

  @Test
  void the_same_samples_render_to_the_same_bytes_whatever_order_they_came_in() {
    List<List<String>> stacks = new ArrayList<>();
    Random random = new Random(7);
    for (int i = 0; i < 2_000; i++) {
      stacks.add(
          List.of("Caller" + random.nextInt(50) + ".x", "Callee" + random.nextInt(9) + ".y"));
    }
    FlameTree inOrder = new FlameTree(WeightUnit.samples());
    stacks.forEach(stack -> inOrder.add(stack, 1));
    Collections.reverse(stacks);
    FlameTree reversed = new FlameTree(WeightUnit.samples());
    stacks.forEach(stack -> reversed.add(stack, 1));

    String svg = FlameGraphSvg.render(inOrder, "t");
    assertThat(FlameGraphSvg.render(reversed, "t")).isEqualTo(svg);
    assertThat(FlameGraphSvg.render(inOrder, "t")).isEqualTo(svg);
    assertThat(FlameGraphSvg.render(inOrder, inOrder, "t"))
        .isEqualTo(FlameGraphSvg.render(reversed, reversed, "t"));
  }

  @Test
  void against_a_baseline_a_grown_frame_is_red_an_unchanged_one_grey_a_vanished_one_absent() {
    FlameTree steady =
        stacks("T.run/Grows.up", 250, "T.run/Goes.away", 250, "T.run/Stays.put", 500);
    FlameTree fault = stacks("T.run/Grows.up", 100, "T.run/Stays.put", 100);

    String svg = FlameGraphSvg.render(fault, steady, "CPU under the fault");
    Document parsed = parsed(svg);

    Element grown = box(parsed, "Grows.up").orElseThrow();
    assertThat(tooltip(grown)).isEqualTo("Grows.up — 100 samples, 50.0 % (baseline 25.0 %)");
    int[] red = rgb(rect(grown).getAttribute("fill"));
    assertThat(red[0]).as("red: %s", rect(grown).getAttribute("fill")).isGreaterThan(red[1] + 100);
    assertThat(red[1]).isEqualTo(red[2]);
    assertThat(rect(box(parsed, "Stays.put").orElseThrow()).getAttribute("fill"))
        .isEqualTo(FlameColours.GREY)
        .isEqualTo("#cdcdcd");
    assertThat(box(parsed, "Goes.away")).as("not in the fault's tree").isEmpty();
    assertThat(svg)
        .contains(
            "Against the baseline: red = larger share of the total, blue = smaller, grey = within"
                + " 1 point; deeper = bigger change.");
  }

  @Test
  void against_a_baseline_a_shrunk_frame_is_blue_and_deeper_the_more_it_changed() {
    FlameTree steady = stacks("Shrinks.little", 30, "Shrinks.much", 60, "Grows.much", 10);
    FlameTree fault = stacks("Shrinks.little", 25, "Shrinks.much", 5, "Grows.much", 70);

    Document parsed = parsed(FlameGraphSvg.render(fault, steady, "t"));

    int[] little = rgb(rect(box(parsed, "Shrinks.little").orElseThrow()).getAttribute("fill"));
    int[] much = rgb(rect(box(parsed, "Shrinks.much").orElseThrow()).getAttribute("fill"));
    assertThat(little[2]).as("blue").isGreaterThan(little[0] + 30);
    assertThat(much[2]).as("blue").isGreaterThan(much[0] + 100);
    assertThat(much[0]).as("deeper: less red in it").isLessThan(little[0]);
  }

  @Test
  void without_a_baseline_colours_are_warm_and_fixed_by_the_frame_name() {
    Document parsed = parsed(FlameGraphSvg.render(blocked(), "t"));

    String fill = rect(box(parsed, "LockedCounter.increment").orElseThrow()).getAttribute("fill");
    int[] warm = rgb(fill);
    assertThat(warm[0]).isGreaterThanOrEqualTo(205).isGreaterThan(warm[2]);
    assertThat(fill).isEqualTo(FlameColours.byName(INCREMENT));
  }

  @Test
  void an_empty_tree_draws_a_small_svg_that_says_no_samples() {
    String svg = FlameGraphSvg.render(new FlameTree(WeightUnit.samples()), "CPU & more");

    Element root = parsed(svg).getDocumentElement();
    assertThat(root.getAttribute("aria-label")).isEqualTo("CPU & more");
    assertThat(root.getElementsByTagName("rect").getLength()).isZero();
    assertThat(root.getTextContent()).contains("no samples");
    assertThat(svg.length()).isLessThan(500);
  }

  private static int[] rgb(String hex) {
    assertThat(hex).matches("#[0-9a-f]{6}");
    return new int[] {
      Integer.parseInt(hex.substring(1, 3), 16),
      Integer.parseInt(hex.substring(3, 5), 16),
      Integer.parseInt(hex.substring(5, 7), 16)
    };
  }
}
