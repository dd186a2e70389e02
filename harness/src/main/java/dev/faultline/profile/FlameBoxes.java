package dev.faultline.profile;

import static dev.faultline.profile.FlameGraphSvg.px;

import dev.faultline.profile.FlameLayout.Box;
import java.util.Locale;

/**
 * The boxes of one flame graph as SVG, with the legend lines that explain them: root at the bottom,
 * one row per depth below {@code top}, each box a group of its tooltip, its rectangle and, when it
 * is wide enough, its label cut to fit.
 *
 * @param baseline the tree to colour growth against, or null
 * @param top where the deepest row starts, below the heading
 */
record FlameBoxes(FlameTree tree, FlameTree baseline, FlameLayout layout, double top) {

  private static final double ROW = 16;
  private static final double TEXT_MIN_WIDTH = 30;
  private static final double CHAR_WIDTH = 6.6;
  private static final double TEXT_PADDING = 3;

  /** The height the boxes need, a little margin included. */
  double bottom() {
    return top + (layout.maxDepth() + 1) * ROW + 4;
  }

  String widthLegend() {
    String legend =
        "Root at the bottom, callees above their callers; a box's width is its share of "
            + tree.unit().format(tree.total())
            + ".";
    int leftOut = layout.leftOut();
    return leftOut == 0 ? legend : legend + " " + leftOut + " narrow boxes left out.";
  }

  String colourLegend() {
    if (baseline == null) {
      return "Colours only tell frames apart.";
    }
    if (baseline.isEmpty()) {
      return "Colours only tell frames apart: the baseline has no samples to compare with.";
    }
    return "Against the baseline: red = larger share of the total, blue = smaller, grey = within"
        + " 1 point; deeper = bigger change.";
  }

  void append(StringBuilder svg, Box box) {
    String label = FrameLabels.shortName(box.node().frame());
    double y = top + (layout.maxDepth() - box.depth()) * ROW;
    svg.append("<g><title>").append(XmlText.escape(tooltip(box, label))).append("</title>");
    svg.append("<rect x=\"").append(px(box.x())).append("\" y=\"").append(px(y));
    svg.append("\" width=\"").append(px(box.width())).append("\" height=\"").append(px(ROW - 1));
    svg.append("\" fill=\"").append(fill(box)).append("\"/>");
    String text = fitted(label, box.width());
    if (text != null) {
      svg.append("<text x=\"").append(px(box.x() + TEXT_PADDING));
      svg.append("\" y=\"").append(px(y + 11.5)).append("\">");
      svg.append(XmlText.escape(text)).append("</text>");
    }
    svg.append("</g>\n");
  }

  private String tooltip(Box box, String label) {
    long weight = box.node().weight();
    String tooltip =
        label + " — " + tree.unit().format(weight) + ", " + percent(share(box.node(), tree));
    if (comparing()) {
      tooltip += " (baseline " + percent(share(box.baseline(), baseline)) + ")";
    }
    return tooltip;
  }

  private String fill(Box box) {
    if (!comparing()) {
      return FlameColours.byName(box.node().frame());
    }
    return FlameColours.byGrowth(share(box.baseline(), baseline), share(box.node(), tree));
  }

  private boolean comparing() {
    return baseline != null && !baseline.isEmpty();
  }

  private static double share(FlameNode node, FlameTree in) {
    return node == null ? 0 : (double) node.weight() / in.total();
  }

  /** The label cut to the box's width with an ellipsis; null when the box is too narrow. */
  static String fitted(String label, double width) {
    if (width < TEXT_MIN_WIDTH) {
      return null;
    }
    int fits = (int) ((width - 2 * TEXT_PADDING) / CHAR_WIDTH);
    if (label.length() <= fits) {
      return label;
    }
    int cut = Math.max(1, fits - 1);
    if (Character.isHighSurrogate(label.charAt(cut - 1))) {
      cut--;
    }
    return label.substring(0, cut) + "…";
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f %%", share * 100);
  }
}
