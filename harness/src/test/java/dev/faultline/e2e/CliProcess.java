package dev.faultline.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The {@code faultline} CLI as a child JVM of the test (same JDK and class path), its output
 * collected line by line, so a test can wait for a line, send a real signal, and read what it
 * printed. {@link #close()} kills it and every descendant. Thread-safe.
 */
public final class CliProcess implements AutoCloseable {
  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private CliProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(this::readLines, "cli-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code faultline <args>} with {@code home} as the Faultline home. */
  public static CliProcess start(Path home, String... args) throws IOException {
    return startIn(Path.of("").toAbsolutePath(), home, args);
  }

  /**
   * Starts {@code faultline <args>} in {@code workDir}, as a user who runs {@code ./faultline} from
   * there (command targets' relative paths resolve against it).
   */
  public static CliProcess startIn(Path workDir, Path home, String... args) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-Dfaultline.home=" + home,
                "-cp",
                System.getProperty("java.class.path"),
                "dev.faultline.cli.FaultlineCli"));
    cmd.addAll(List.of(args));
    return new CliProcess(
        new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true).start());
  }

  public Process process() {
    return process;
  }

  /** Whether a line printed so far contains {@code text}. */
  public boolean printed(String text) {
    return lines.stream().anyMatch(line -> line.contains(text));
  }

  /** Everything printed so far. */
  public String output() {
    return String.join("\n", lines);
  }

  /** Sends {@code signal} (e.g. INT, TERM) with kill(1), as a terminal or a supervisor would. */
  public void signal(String signal) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid()))
        .inheritIO()
        .start()
        .waitFor(10, TimeUnit.SECONDS);
  }

  private void readLines() {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.add(line);
      }
    } catch (IOException ended) {
      // the process ended
    }
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
