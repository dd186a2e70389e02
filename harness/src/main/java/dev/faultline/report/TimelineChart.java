package dev.faultline.report;

import static dev.faultline.report.ChartScale.px;

import dev.faultline.report.ChartView.Band;
import dev.faultline.report.ChartView.Bar;
import dev.faultline.report.ChartView.Legend;
import dev.faultline.report.ChartView.Line;
import dev.faultline.report.ChartView.Panel;
import dev.faultline.report.ChartView.Tick;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Lays out a run's timeline as small multiples sharing one time axis (seconds since load started):
 * throughput by outcome, errors, latency p50/p99 and live threads, with every fault window shaded
 * across all of them. Computed here from numbers only, so the page needs no JavaScript.
 */
final class TimelineChart {

  private static final double WIDTH = 960;
  private static final double LEFT = 64;
  private static final double RIGHT = WIDTH - 16;
  private static final double TOP = 60;
  private static final double PANEL_HEIGHT = 110;
  private static final double PANEL_GAP = 44;

  private final RunRecord run;
  private final ChartScale time;

  private TimelineChart(RunRecord run, double seconds) {
    this.run = run;
    this.time = ChartScale.of(seconds, 10, LEFT, RIGHT);
  }

  /** The chart, or null when the run has no timeline to draw. */
  static ChartView of(RunRecord run) {
    if (run.timeline().isEmpty() || run.loadStarted() == null) {
      return null;
    }
    return new TimelineChart(run, domainSeconds(run)).view();
  }

  private static double domainSeconds(RunRecord run) {
    double seconds = run.timeline().stream().mapToLong(TimelinePoint::second).max().orElse(0) + 1;
    if (run.declaredLoad() != null) {
      seconds = Math.max(seconds, run.declaredLoad().toMillis() / 1000.0);
    }
    for (FaultWindow fault : run.faults()) {
      seconds = Math.max(seconds, offsetSeconds(run, fault.on()) + 1);
    }
    return seconds;
  }

  private ChartView view() {
    List<Panel> panels = new ArrayList<>();
    panels.add(throughput(panelTop(0)));
    panels.add(errors(panelTop(1)));
    panels.add(latency(panelTop(2)));
    if (run.timeline().stream().anyMatch(p -> p.liveThreads() >= 0)) {
      panels.add(threads(panelTop(3)));
    }
    double axisY = panelTop(panels.size() - 1) + PANEL_HEIGHT;
    List<Tick> xTicks =
        time.ticks().stream()
            .map(t -> new Tick(px(time.pixel(t)), px(axisY + 16), time.label(t)))
            .toList();
    return new ChartView(
        px(WIDTH),
        px(axisY + 44),
        px(LEFT),
        px(RIGHT),
        px(axisY),
        px((LEFT + RIGHT) / 2),
        px(axisY + 36),
        xTicks,
        faultBands(axisY),
        panels,
        description());
  }

  /** A panel's vertical scale: from 0 to {@code max}, in about four steps. */
  private static ChartScale yScale(double max, double top) {
    return ChartScale.of(max, 4, top + PANEL_HEIGHT, top);
  }

  private static double panelTop(int index) {
    return TOP + index * (PANEL_HEIGHT + PANEL_GAP);
  }

  private Panel throughput(double top) {
    ChartScale y =
        yScale(run.timeline().stream().mapToLong(TimelinePoint::requests).max().orElse(0), top);
    double barWidth =
        Math.max(0.5, time.pixel(1) - time.pixel(0) - (time.pixel(1) - time.pixel(0) > 4 ? 1 : 0));
    List<Bar> bars = new ArrayList<>();
    for (TimelinePoint point : run.timeline()) {
      double x = time.pixel(point.second());
      double base = 0;
      base = stack(bars, "ok", x, barWidth, y, base, point.ok());
      base = stack(bars, "indeterminate", x, barWidth, y, base, point.indeterminate());
      stack(bars, "failed", x, barWidth, y, base, point.failed());
    }
    return panel(
        "Throughput (requests started per second, by outcome)",
        top,
        y,
        bars,
        List.of(),
        legend(top, "ok", "ok", "indeterminate", "indeterminate", "failed", "failed"));
  }

  private static double stack(
      List<Bar> bars,
      String series,
      double x,
      double width,
      ChartScale y,
      double base,
      long count) {
    if (count > 0) {
      double bottom = y.pixel(base);
      double topPixel = y.pixel(base + count);
      bars.add(
          new Bar(px(x), px(topPixel), px(width), px(Math.max(0.5, bottom - topPixel)), series));
    }
    return base + count;
  }

  private Panel errors(double top) {
    ChartScale y =
        yScale(
            run.timeline().stream()
                .mapToLong(p -> Math.max(p.failed(), p.indeterminate()))
                .max()
                .orElse(0),
            top);
    List<Line> lines =
        List.of(
            line("failed", y, p -> p.failed()), line("indeterminate", y, p -> p.indeterminate()));
    return linePanel(
        "Errors per second (failed, indeterminate)",
        top,
        y,
        lines,
        "failed",
        "failed",
        "indeterminate",
        "indeterminate");
  }

  private Panel latency(double top) {
    double max =
        run.timeline().stream()
            .mapToDouble(p -> Math.max(finite(p.p99Millis()), finite(p.p50Millis())))
            .max()
            .orElse(0);
    ChartScale y = yScale(max, top);
    List<Line> lines =
        List.of(line("p50", y, TimelinePoint::p50Millis), line("p99", y, TimelinePoint::p99Millis));
    return linePanel(
        "Latency of answered requests (ms)", top, y, lines, "p50", "p50", "p99", "p99");
  }

  private Panel threads(double top) {
    ChartScale y =
        yScale(run.timeline().stream().mapToInt(TimelinePoint::liveThreads).max().orElse(0), top);
    List<Line> lines =
        List.of(line("threads", y, p -> p.liveThreads() >= 0 ? p.liveThreads() : Double.NaN));
    return linePanel(
        "Live threads of the observed target", top, y, lines, "threads", "live threads");
  }

  /** A panel of lines only, with a legend of series and their labels. */
  private Panel linePanel(
      String title, double top, ChartScale y, List<Line> lines, String... seriesAndLabels) {
    return panel(title, top, y, List.of(), lines, legend(top, seriesAndLabels));
  }

  private Panel panel(
      String title,
      double top,
      ChartScale y,
      List<Bar> bars,
      List<Line> lines,
      List<Legend> legend) {
    List<Tick> yTicks =
        y.ticks().stream()
            .map(v -> new Tick(px(LEFT - 8), px(y.pixel(v) + 4), y.label(v)))
            .toList();
    return new Panel(
        title, px(top - 10), px(top), px(top + PANEL_HEIGHT), yTicks, bars, lines, legend);
  }

  /**
   * A polyline per series; an unknown value (NaN) breaks the line rather than drawing it at zero.
   */
  private Line line(String series, ChartScale y, ToDoubleFunction<TimelinePoint> value) {
    StringBuilder points = new StringBuilder();
    for (TimelinePoint point : run.timeline()) {
      double v = value.applyAsDouble(point);
      if (Double.isFinite(v)) {
        points
            .append(px(time.pixel(point.second() + 0.5)))
            .append(',')
            .append(px(y.pixel(v)))
            .append(' ');
      }
    }
    return new Line(points.toString().trim(), series);
  }

  private static List<Legend> legend(double top, String... seriesAndLabels) {
    List<Legend> legend = new ArrayList<>();
    double x = RIGHT;
    for (int i = seriesAndLabels.length - 2; i >= 0; i -= 2) {
      x -= 16 + 6 * seriesAndLabels[i + 1].length();
      legend.add(0, new Legend(px(x), px(top - 10), seriesAndLabels[i], seriesAndLabels[i + 1]));
      x -= 14;
    }
    return legend;
  }

  private List<Band> faultBands(double axisY) {
    List<Band> bands = new ArrayList<>();
    warmUpUntil(run)
        .ifPresent(
            until -> {
              double end = Math.max(0, offsetSeconds(run, until));
              bands.add(
                  new Band(
                      "warm-up",
                      px(time.pixel(0)),
                      px(4),
                      px(Math.max(1, time.pixel(end) - time.pixel(0))),
                      px(axisY - 4),
                      "warm-up",
                      px(time.pixel(0) + 5),
                      px(axisY - 10),
                      "warm-up: "
                          + seconds(end)
                          + " before the measured load, left out of checks; faults' at counts from its end"));
            });
    for (FaultWindow fault : run.faults()) {
      double on = Math.max(0, offsetSeconds(run, fault.on()));
      double off = fault.off() == null ? time.max() : Math.max(on, offsetSeconds(run, fault.off()));
      double x = time.pixel(on);
      double width = Math.max(1, time.pixel(off) - x);
      String title =
          fault.name()
              + " ("
              + Formats.orDash(fault.kind())
              + "): on at "
              + seconds(on)
              + ", "
              + (fault.off() == null ? "never switched off" : "off at " + seconds(off));
      // Labels alternate between two rows so that neighbouring windows do not overwrite each other.
      bands.add(
          new Band(
              "fault",
              px(x),
              px(4),
              px(width),
              px(axisY - 4),
              fault.name(),
              px(x + 5),
              px(18 + 14 * (bands.size() % 2)),
              title));
    }
    return bands;
  }

  /** The end of the warm-up, from the run's warm-up event. */
  static Optional<Instant> warmUpUntil(RunRecord run) {
    return run.events().stream()
        .filter(
            e -> "warm-up".equals(e.type()) && e.data() != null && e.data().get("until") != null)
        .map(e -> Instant.parse(e.data().get("until")))
        .findFirst();
  }

  private String description() {
    return "Timeline of "
        + run.experiment()
        + ": "
        + run.timeline().size()
        + " seconds of load, "
        + run.faults().size()
        + " fault window(s) shaded.";
  }

  private static double offsetSeconds(RunRecord run, Instant at) {
    return at == null ? 0 : Duration.between(run.loadStarted(), at).toMillis() / 1000.0;
  }

  private static String seconds(double value) {
    return String.format(Locale.ROOT, "%.1f s", value);
  }

  private static double finite(double value) {
    return Double.isFinite(value) ? value : 0;
  }
}
