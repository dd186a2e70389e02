package dev.faultline.experiment;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One thing wrong with an experiment file: where (file:line:column and the field's path), what, and
 * how to fix it.
 */
public record ExperimentError(
    Path file, int line, int column, String field, String message, String fix) {

  /** A quoted value longer than this is cut in messages: a 900 KB name is not echoed back whole. */
  static final int LONGEST_QUOTED = 60;

  /** Whatever is not quoted (a number, a path) is cut past this. */
  static final int LONGEST_MESSAGE = 600;

  private static final Pattern QUOTED =
      Pattern.compile("\"([^\"]{" + (LONGEST_QUOTED + 1) + ",})\"");

  /** What is wrong with the file as a whole (unreadable, not YAML, too large): at 1:1, no field. */
  public static ExperimentError ofFile(Path file, String message, String fix) {
    return new ExperimentError(file, 1, 1, "", message, fix);
  }

  public ExperimentError {
    field = shorten(field);
    message = shortenQuoted(message);
    fix = shortenQuoted(fix);
  }

  private static String shortenQuoted(String text) {
    if (text == null || text.length() <= LONGEST_QUOTED) {
      return text;
    }
    Matcher m = QUOTED.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out,
          Matcher.quoteReplacement(
              "\""
                  + m.group(1).substring(0, LONGEST_QUOTED - 20)
                  + "…\" ("
                  + m.group(1).length()
                  + " characters)"));
    }
    m.appendTail(out);
    return out.length() <= LONGEST_MESSAGE
        ? out.toString()
        : out.substring(0, LONGEST_MESSAGE - 20) + "… (cut)";
  }

  private static String shorten(String field) {
    int longest = 2 * LONGEST_QUOTED;
    return field == null || field.length() <= longest
        ? field
        : field.substring(0, longest - 20) + "… (" + field.length() + " characters)";
  }

  @Override
  public String toString() {
    StringBuilder s =
        new StringBuilder()
            .append(file)
            .append(':')
            .append(line)
            .append(':')
            .append(column)
            .append(": ");
    if (field != null && !field.isEmpty()) {
      s.append(field).append(": ");
    }
    s.append(message);
    if (fix != null && !fix.isEmpty()) {
      s.append("\n    fix: ").append(fix);
    }
    return s.toString();
  }
}
