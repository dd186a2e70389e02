package dev.faultline.report;

import java.util.List;

/**
 * The timeline chart as the template draws it: nothing but pixel coordinates (already formatted
 * numbers) and labels, which the template escapes.
 */
record ChartView(
    String width,
    String height,
    String plotLeft,
    String plotRight,
    String axisY,
    String axisLabelX,
    String axisLabelY,
    List<Tick> xTicks,
    List<Band> faultBands,
    List<Panel> panels,
    String description) {

  /** A tick on an axis: its position and its label. */
  record Tick(String x, String y, String label) {}

  /**
   * A fault window or the warm-up ({@code kind} fault or warm-up), shaded across every panel and
   * labelled at the top.
   */
  record Band(
      String kind,
      String x,
      String y,
      String width,
      String height,
      String label,
      String labelX,
      String labelY,
      String title) {}

  /** One small chart: a title, a y axis, and bars or lines. */
  record Panel(
      String title,
      String titleY,
      String top,
      String bottom,
      List<Tick> yTicks,
      List<Bar> bars,
      List<Line> lines,
      List<Legend> legend) {}

  record Bar(String x, String y, String width, String height, String series) {}

  record Line(String points, String series) {}

  record Legend(String x, String y, String series, String label) {}
}
