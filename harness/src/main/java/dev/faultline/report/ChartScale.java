package dev.faultline.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A linear scale from data values to pixels, with "nice" round ticks (1, 2 or 5 times a power of
 * ten) so that axes read like a person drew them.
 *
 * @param max the top of the domain, rounded up to a whole tick
 * @param step the distance between ticks
 */
record ChartScale(double max, double step, double fromPixel, double toPixel) {

  /**
   * A scale from 0 to at least {@code dataMax}, with about {@code tickCount} ticks, onto
   * [fromPixel, toPixel].
   */
  static ChartScale of(double dataMax, int tickCount, double fromPixel, double toPixel) {
    double top = Double.isFinite(dataMax) && dataMax > 0 ? dataMax : 1;
    double step = niceStep(top / tickCount);
    return new ChartScale(Math.ceil(top / step - 1e-9) * step, step, fromPixel, toPixel);
  }

  static double niceStep(double rough) {
    double power = Math.pow(10, Math.floor(Math.log10(rough)));
    double fraction = rough / power;
    double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return Math.max(nice * power, 1e-9);
  }

  double pixel(double value) {
    double clamped = Math.max(0, Math.min(max, value));
    return fromPixel + (toPixel - fromPixel) * clamped / max;
  }

  List<Double> ticks() {
    List<Double> ticks = new ArrayList<>();
    for (int i = 0; i * step <= max + 1e-9; i++) {
      ticks.add(i * step);
    }
    return ticks;
  }

  /** A tick's label: whole numbers without decimals, small steps with as many as they need. */
  String label(double value) {
    if (step >= 1) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    int decimals = (int) Math.ceil(-Math.log10(step));
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /** A pixel coordinate as SVG wants it: one decimal, no locale. */
  static String px(double pixel) {
    return String.format(Locale.ROOT, "%.1f", pixel);
  }
}
