package dev.faultline.gameday;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Counts the live threads of a process from {@code /proc/<pid>/status} (Linux): every OS thread of
 * the JVM, its own (GC, compiler) included, which is enough to see a pool grow or leak live.
 * Stateless.
 */
final class ProcessThreads {

  private ProcessThreads() {}

  /** The process's thread count, or -1 when it cannot be read (not Linux, gone). */
  static int count(ProcessHandle process) {
    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("Threads:")) {
          return Integer.parseInt(line.substring("Threads:".length()).strip());
        }
      }
    } catch (IOException | NumberFormatException gone) {
      return -1;
    }
    return -1;
  }
}
