package dev.faultline.experiment.internal;

import dev.faultline.experiment.ExperimentError;
import dev.faultline.experiment.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads an experiment file as text within {@link Limits} before any YAML parser sees it: its size
 * (checked before reading), UTF-8 (the first bad byte is located), characters YAML forbids, and the
 * length of each line (SnakeYAML scans a long single-line value in quadratic time). Stateless.
 */
public final class ExperimentText {

  private static final String UTF8_FIX =
      "save the file as UTF-8, e.g. iconv -f ISO-8859-1 -t UTF-8 old.yaml > new.yaml (or your editor's \"save with encoding\")";

  private ExperimentText() {}

  /**
   * The file's text, or null after adding the one error that stops reading it to {@code errors}.
   */
  public static String read(Path file, List<ExperimentError> errors) {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > Limits.MAX_FILE_BYTES) {
        errors.add(tooLarge(file, size));
        return null;
      }
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes(Limits.MAX_FILE_BYTES + 1);
      }
    } catch (IOException e) {
      errors.add(
          ExperimentError.ofFile(
              file,
              "cannot read the file: " + e.getMessage(),
              "check the path and its permissions"));
      return null;
    }
    if (bytes.length > Limits.MAX_FILE_BYTES) {
      errors.add(tooLarge(file, bytes.length));
      return null;
    }
    String text = decode(file, bytes, errors);
    if (text == null) {
      return null;
    }
    ExperimentError bad = badCharacter(file, text);
    if (bad != null) {
      errors.add(bad);
      return null;
    }
    return text;
  }

  private static ExperimentError tooLarge(Path file, long size) {
    return ExperimentError.ofFile(
        file,
        "the file is "
            + size
            + " bytes; an experiment file is at most "
            + Limits.MAX_FILE_BYTES
            + " bytes (1 MiB)",
        "an experiment is a page of YAML: keep only the experiment in the file (the catalog's largest is under 4 KB)");
  }

  private static String decode(Path file, byte[] bytes, List<ExperimentError> errors) {
    if (bytes.length >= 2
        && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
            || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
      errors.add(
          ExperimentError.ofFile(
              file,
              "the file is UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8",
              "save the file as UTF-8, e.g. iconv -f UTF-16 -t UTF-8 old.yaml > new.yaml"));
      return null;
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int at = in.position();
      int lineStart = lastLineStart(bytes, at);
      int line = 1;
      for (int i = 0; i < lineStart; i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      int column =
          1
              + (int)
                  new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8)
                      .codePoints()
                      .count();
      errors.add(
          new ExperimentError(
              file,
              line,
              column,
              "",
              String.format(
                  "the file is not UTF-8: byte 0x%02X here is not valid UTF-8", bytes[at] & 0xFF),
              UTF8_FIX));
      return null;
    }
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static int lastLineStart(byte[] bytes, int at) {
    for (int i = at - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i + 1;
      }
    }
    return 0;
  }

  /**
   * The first character YAML forbids, or the first line over {@link Limits#MAX_LINE_CHARS},
   * located.
   */
  private static ExperimentError badCharacter(Path file, String text) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (isLineBreak(text, i, c)) {
        line++;
        column = 1;
      } else if (!allowed(c)) {
        return new ExperimentError(
            file,
            line,
            column,
            "",
            "the character "
                + describe(c)
                + " is not allowed in an experiment file (YAML takes printable text, tabs and line breaks)",
            "remove it; inside double quotes a character can be written as an escape, e.g. \"\\t\" or \"\\u001b\"");
      } else if (++column > Limits.MAX_LINE_CHARS + 1) {
        return new ExperimentError(
            file,
            line,
            1,
            "",
            "the line is longer than " + Limits.MAX_LINE_CHARS + " characters",
            "break the value over several lines with a block scalar (key: |, then the text indented below it)");
      }
      i += Character.charCount(c);
    }
    return null;
  }

  /** A line break as SnakeYAML counts lines: LF, a CR not followed by LF, NEL, LS, PS. */
  private static boolean isLineBreak(String text, int i, int c) {
    return c == '\n'
        || c == 0x85
        || c == 0x2028
        || c == 0x2029
        || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
  }

  /** YAML's printable set (as SnakeYAML applies it). */
  private static boolean allowed(int c) {
    return c == '\t'
        || c == '\r'
        || (c >= 0x20 && c <= 0x7E)
        || c == 0x85
        || (c >= 0xA0 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }

  private static String describe(int c) {
    String name =
        switch (c) {
          case 0 -> " (NUL)";
          case 7 -> " (BEL)";
          case 8 -> " (backspace)";
          case 0x1B -> " (ESC)";
          case 0x7F -> " (DEL)";
          default -> "";
        };
    return String.format("U+%04X", c) + name;
  }
}
