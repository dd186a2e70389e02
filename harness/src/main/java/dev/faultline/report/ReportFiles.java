package dev.faultline.report;

import dev.faultline.FaultlineException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a report file whole or not at all: a reader (a browser, CI, the history index) never sees
 * half a file, even when the run is interrupted while writing.
 */
final class ReportFiles {

  /** Writes the content of one file to the stream it is given. */
  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws Exception;
  }

  private ReportFiles() {}

  static Path write(Path file, Content content) {
    Path folder = file.toAbsolutePath().getParent();
    Path temporary = null;
    try {
      Files.createDirectories(folder);
      // Not createTempFile: its files are 0600, and a report is read like any other file (umask
      // applies).
      temporary = folder.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
      try (OutputStream out =
          Files.newOutputStream(
              temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        content.writeTo(out);
      }
      return Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (Exception e) {
      deleteQuietly(temporary);
      throw new FaultlineException(
          "could not write report file " + file + ": " + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path temporary) {
    if (temporary == null) {
      return;
    }
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException ignored) {
      // The write already failed; its exception is the one that matters.
    }
  }
}
