package dev.faultline.builtin.counter;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The format of {@code counter.journal} and its replay. One line per increment: {@code op <id>}
 * (the id URL-encoded, so that no id can break a line) or {@code -} for an increment without an id.
 * A line counts only once its newline is on disk; a process killed mid-write leaves a torn last
 * line, which the replay drops and cuts off so that the next append starts on a fresh line.
 *
 * <p>Stateless and thread-safe; a replay must not run while a journal writes to the same file.
 */
final class JournalFile {

  /** The journal's name inside {@code faultline.data-dir}. */
  static final String NAME = "counter.journal";

  private static final Logger LOG = LoggerFactory.getLogger(JournalFile.class);
  private static final String OP_PREFIX = "op ";
  private static final String NO_OP = "-";

  private JournalFile() {}

  /** The journal line of one increment, newline included. */
  static byte[] line(String op) {
    String text =
        op == null || op.isEmpty()
            ? NO_OP
            : OP_PREFIX + URLEncoder.encode(op, StandardCharsets.UTF_8);
    return (text + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** Empties the journal {@code out} (at {@code file}) and forces that to disk. */
  static void truncate(RandomAccessFile out, Path file) {
    try {
      out.setLength(0);
      out.getFD().sync();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot truncate the counter journal " + file, e);
    }
  }

  /**
   * Reads the journal at {@code file} (absent means empty), drops a torn last line from the file
   * and returns what it records.
   *
   * @throws IllegalStateException if a complete line is not a journal entry: the file is not ours
   */
  static JournalReplay replay(Path file) {
    if (!Files.exists(file)) {
      return JournalReplay.NOTHING;
    }
    byte[] bytes = read(file);
    int complete = lastNewline(bytes) + 1;
    int torn = bytes.length - complete;
    if (torn > 0) {
      cutOff(file, complete);
      LOG.info(
          "Ignored a torn last line of {} bytes at the end of {}: the previous process died while"
              + " writing it, so it was never committed; the file now ends at the last complete line",
          torn,
          file);
    }
    // The complete part ends with its last newline: drop it, and every piece left is one line.
    String text = new String(bytes, 0, Math.max(0, complete - 1), StandardCharsets.UTF_8);
    String[] lines = complete == 0 ? new String[0] : text.split("\n", -1);
    List<String> ops = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith(OP_PREFIX)) {
        ops.add(URLDecoder.decode(line.substring(OP_PREFIX.length()), StandardCharsets.UTF_8));
      } else if (!line.equals(NO_OP)) {
        throw new IllegalStateException(
            "line "
                + (i + 1)
                + " of "
                + file
                + " is not a counter journal entry ('"
                + line
                + "'): remove the file, or point faultline.data-dir elsewhere, to start from zero");
      }
    }
    long increments = lines.length;
    return new JournalReplay(increments, ops, torn);
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the counter journal " + file, e);
    }
  }

  private static int lastNewline(byte[] bytes) {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static void cutOff(Path file, long length) {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(length);
      raf.getFD().sync();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot cut the torn last line off " + file, e);
    }
  }
}
