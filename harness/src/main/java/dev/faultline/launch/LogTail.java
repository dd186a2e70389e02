package dev.faultline.launch;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The last lines of a log file, for error messages. */
final class LogTail {

  private LogTail() {}

  static String of(Path file, int lines) {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long length = f.length();
      long from = Math.max(0, length - 16_384);
      byte[] bytes = new byte[(int) (length - from)];
      f.seek(from);
      f.readFully(bytes);
      String[] all = new String(bytes, StandardCharsets.UTF_8).split("\\R");
      StringBuilder out = new StringBuilder();
      for (int i = Math.max(0, all.length - lines); i < all.length; i++) {
        out.append("    | ").append(all[i]).append('\n');
      }
      return out.toString();
    } catch (IOException e) {
      return "    (log unreadable: " + e.getMessage() + ")\n";
    }
  }
}
