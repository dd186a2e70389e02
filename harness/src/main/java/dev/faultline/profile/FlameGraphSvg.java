package dev.faultline.profile;

import java.util.List;
import java.util.Objects;

/**
 * Draws a {@link FlameTree} as one self-contained SVG element for a report page: a flame graph with
 * the root ("all") at the bottom and callers below their callees, 1000 units wide in its viewBox
 * (it scales to the page's width), one 16-unit row per depth. Each box is as wide as its frame's
 * share of the total and carries a tooltip ({@code <title>}): the frame without its package, its
 * weight in the tree's unit and its share, as in "LockedCounter.increment — 1.2 s blocked, 43.0 %".
 * A box's label is cut to fit it, with an ellipsis, and left out under 30 units. Boxes under half a
 * unit are not drawn, nor more than 1200 boxes (the widest are kept, each with its callers, and the
 * legend says how many were left out), so the SVG stays under about 250 kB however wide and deep
 * the tree.
 *
 * <p>Colours: by frame name (warm, stable across graphs); or, against a baseline such as the steady
 * window, by how the frame's share of the total changed at the same path: red grew, blue shrank,
 * grey within one percentage point, deeper for a bigger change, said in a legend line. Callees are
 * in name order, so the same tree always renders to the same bytes. All text is XML-escaped.
 *
 * <p>Stateless and thread-safe; the tree must not change while it is drawn.
 */
public final class FlameGraphSvg {

  static final double WIDTH = 1000;
  private static final double LINE = 16;
  private static final int HEADER_LINES = 3;

  private FlameGraphSvg() {}

  /** The tree coloured by frame name; an empty tree draws a small SVG that says "no samples". */
  public static String render(FlameTree tree, String title) {
    return render(tree, null, title);
  }

  /**
   * The tree coloured by growth against {@code baseline}, in the same unit; a null or empty
   * baseline colours by frame name, the legend saying why.
   *
   * @param title the accessible name and the heading inside the SVG
   */
  public static String render(FlameTree tree, FlameTree baseline, String title) {
    Objects.requireNonNull(tree, "tree");
    Objects.requireNonNull(title, "title");
    if (baseline != null) {
      tree.requireComparable(baseline);
    }
    if (tree.isEmpty()) {
      return noSamples(title);
    }
    FlameLayout layout = FlameLayout.of(tree, baseline, WIDTH);
    FlameBoxes boxes = new FlameBoxes(tree, baseline, layout, 8 + LINE * HEADER_LINES);
    StringBuilder svg = new StringBuilder(64 * 1024);
    open(svg, title, boxes.bottom());
    heading(svg, List.of(title, boxes.widthLegend(), boxes.colourLegend()));
    layout.boxes().forEach(box -> boxes.append(svg, box));
    return svg.append("</svg>\n").toString();
  }

  private static String noSamples(String title) {
    StringBuilder svg = new StringBuilder();
    open(svg, title, 2 * LINE + 24);
    heading(svg, List.of(title, "no samples"));
    return svg.append("</svg>\n").toString();
  }

  private static void open(StringBuilder svg, String title, double height) {
    String name = XmlText.escape(title);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flame-graph\" width=\"100%\"")
        .append(" viewBox=\"0 0 ")
        .append(px(WIDTH))
        .append(' ')
        .append(px(height))
        .append("\" role=\"img\" aria-label=\"")
        .append(name)
        .append("\" font-family=\"monospace\" font-size=\"11\">\n<title>")
        .append(name)
        .append("</title>\n");
  }

  /** The title in bold, then the legend lines. */
  private static void heading(StringBuilder svg, List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      svg.append("<text x=\"4\" y=\"").append(px(LINE * (i + 1)));
      svg.append(i == 0 ? "\" font-size=\"13\" font-weight=\"bold\">" : "\">");
      svg.append(XmlText.escape(lines.get(i))).append("</text>\n");
    }
  }

  /** A coordinate to a tenth of a unit, without a trailing ".0". */
  static String px(double value) {
    long tenths = Math.round(value * 10);
    return tenths % 10 == 0 ? Long.toString(tenths / 10) : tenths / 10 + "." + tenths % 10;
  }
}
