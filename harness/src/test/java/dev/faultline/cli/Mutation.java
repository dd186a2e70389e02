package dev.faultline.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One way of spoiling (or legitimately varying) a catalog experiment, and what {@code validate}
 * must say about the result: refused with {@code message} on the line the mutation touched (give or
 * take {@code slack} lines, for YAML syntax errors found on the next token), or accepted when
 * {@code message} is null. {@code bases} is how many catalog files it is applied to.
 */
record Mutation(
    String family,
    String name,
    String message,
    int slack,
    int bases,
    Function<String, Mutated> how) {

  /** A mutated file and the line the mutation is on (1-based). */
  record Mutated(byte[] bytes, int line) {
    static Mutated of(String text, int line) {
      return new Mutated(text.getBytes(StandardCharsets.UTF_8), line);
    }
  }

  static Mutation refused(
      String family, String name, String message, Function<String, Mutated> how) {
    return new Mutation(family, name, message, 0, 4, how);
  }

  static Mutation refusedNear(
      String family, String name, String message, int slack, Function<String, Mutated> how) {
    return new Mutation(family, name, message, slack, 4, how);
  }

  static Mutation accepted(String family, String name, Function<String, Mutated> how) {
    return new Mutation(family, name, null, 0, 4, how);
  }

  Mutation once() {
    return new Mutation(family, name, message, slack, 1, how);
  }

  boolean isAccepted() {
    return message == null;
  }

  /**
   * Replaces the first line matching {@code lineRegex} by {@code change} of it; null when no line
   * matches.
   */
  static Mutated replaceLine(String text, String lineRegex, Function<String, String> change) {
    String[] lines = text.split("\n", -1);
    Pattern p = Pattern.compile(lineRegex);
    for (int i = 0; i < lines.length; i++) {
      if (p.matcher(lines[i]).find()) {
        lines[i] = change.apply(lines[i]);
        return Mutated.of(String.join("\n", lines), i + 1);
      }
    }
    return null;
  }

  /**
   * Inserts {@code added} (whole lines) after the first line matching {@code lineRegex}; the
   * mutation is on the first added line.
   */
  static Mutated insertAfter(String text, String lineRegex, String added) {
    String[] lines = text.split("\n", -1);
    Pattern p = Pattern.compile(lineRegex);
    for (int i = 0; i < lines.length; i++) {
      if (p.matcher(lines[i]).find()) {
        lines[i] = lines[i] + "\n" + added.stripTrailing();
        return Mutated.of(String.join("\n", lines), i + 2);
      }
    }
    return null;
  }

  /** Appends {@code added} (whole lines) at the end; the mutation is on the first added line. */
  static Mutated append(String text, String added) {
    String base = text.endsWith("\n") ? text : text + "\n";
    return Mutated.of(base + added, base.split("\n", -1).length);
  }

  /**
   * Replaces the text {@code marker} (on one line) by raw bytes, for encodings that are not UTF-8.
   */
  static Mutated withBytes(Mutated m, String marker, byte... raw) {
    String text = new String(m.bytes(), StandardCharsets.UTF_8);
    int at = text.indexOf(marker);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
    out.writeBytes(raw);
    out.writeBytes(text.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8));
    return new Mutated(out.toByteArray(), m.line());
  }
}
