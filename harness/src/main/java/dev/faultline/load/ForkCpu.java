package dev.faultline.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The CPU time a fork's simulation costs, counted inside the fork from when the simulation is built
 * (its plan read, so the wait for the plan is not counted) to its end, and written to the file
 * named by {@value ForkFiles#CPU_PROPERTY}: on two cores, every cycle the load takes is one the
 * target lacks. Thread-safe.
 */
final class ForkCpu {

  private final long startNanos = processCpuNanos();

  /** Writes the CPU time spent since this was made; quietly nothing when it cannot. */
  void writeSpent() {
    String file = System.getProperty(ForkFiles.CPU_PROPERTY);
    if (file != null) {
      ForkFiles.writeStamp(Path.of(file), processCpuNanos() - startNanos);
    }
  }

  /** What {@link #writeSpent} wrote, if the fork got that far. */
  static Optional<Duration> read(Path file) {
    try {
      return Optional.of(Duration.ofNanos(Long.parseLong(Files.readString(file).trim())));
    } catch (IOException | NumberFormatException notWritten) {
      return Optional.empty();
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
