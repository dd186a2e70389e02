package dev.faultline.experiment;

/** A share such as {@code 50%}, held as a fraction from 0 to 1. */
@Scalar(pattern = "^[0-9]+(\\.[0-9]+)?%$", example = "50%")
public record Percent(double fraction) {

  public Percent {
    if (fraction < 0 || fraction > 1) {
      throw new IllegalArgumentException("a percentage must lie between 0% and 100%");
    }
  }

  /** Parses {@code <number>%}. */
  public static Percent parse(String text) {
    String t = text.trim();
    if (!t.matches("[0-9]+(\\.[0-9]+)?%")) {
      throw new IllegalArgumentException("\"" + text + "\" is not a percentage");
    }
    return new Percent(Double.parseDouble(t.substring(0, t.length() - 1)) / 100.0);
  }

  @Override
  public String toString() {
    double p = fraction * 100;
    return (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + "%";
  }
}
