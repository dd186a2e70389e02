package dev.faultline.api;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How {@link Faultline#run} carries out a run: where the run folders go, where Faultline is
 * installed (the folder holding {@code builtin/target/faultline-builtin.jar}, for built-in
 * targets), where progress lines are printed, and who listens. Immutable: each {@code with} returns
 * a new settings object.
 */
public final class RunSettings {

  private final Path reports;
  private final Path home;
  private final PrintStream output;
  private final RunListener listener;

  private RunSettings(Path reports, Path home, PrintStream output, RunListener listener) {
    this.reports = Objects.requireNonNull(reports, "reports");
    this.home = Objects.requireNonNull(home, "home");
    this.output = Objects.requireNonNull(output, "output");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Settings that put run folders (and the suite's {@code junit.xml} and history index) under
   * {@code reports}; Faultline's home is the system property {@code faultline.home}, else the
   * working directory; progress goes to {@code System.out}; nobody listens.
   */
  public static RunSettings reportsIn(Path reports) {
    return new RunSettings(
        reports,
        Path.of(System.getProperty("faultline.home", ".")),
        System.out,
        new RunListener() {});
  }

  /** These settings with Faultline installed at {@code home}. */
  public RunSettings withHome(Path home) {
    return new RunSettings(reports, home, output, listener);
  }

  /** These settings with progress lines printed to {@code output}. */
  public RunSettings withOutput(PrintStream output) {
    return new RunSettings(reports, home, output, listener);
  }

  /** These settings with {@code listener} told of phases, faults and checks. */
  public RunSettings withListener(RunListener listener) {
    return new RunSettings(reports, home, output, listener);
  }

  /** Where run folders go. */
  public Path reports() {
    return reports;
  }

  /** Where Faultline is installed, as an absolute path. */
  public Path home() {
    return home.toAbsolutePath().normalize();
  }

  /** Where progress lines are printed. */
  public PrintStream output() {
    return output;
  }

  /** Who is told of phases, faults and checks. */
  public RunListener listener() {
    return listener;
  }
}
