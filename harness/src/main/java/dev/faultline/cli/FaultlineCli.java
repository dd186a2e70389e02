package dev.faultline.cli;

import dev.faultline.process.ExitHooks;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code faultline} command. Exit codes: 0 every experiment met its expectation; 1 a check
 * failed (or a control went unseen, or a run was aborted by a stop condition); 2 invalid input,
 * nothing started; 3 infrastructure error; 130 / 143 interrupted by SIGINT / SIGTERM.
 */
@Command(
    name = "faultline",
    mixinStandardHelpOptions = true,
    versionProvider = FaultlineVersion.class,
    description = "Chaos experiments for the concurrency resilience of JVM services.",
    subcommands = {
      RunCommand.class,
      ValidateCommand.class,
      ListCommand.class,
      GamedayCommand.class,
      AbortCommand.class,
      ProxyCommand.class,
      ReportCommand.class,
      BenchCommand.class,
      SchemaCommand.class,
      ImagesCommand.class,
      InitCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every experiment met its expectation",
      "1:a check failed, a control went unseen, or a stop condition aborted a run",
      "2:invalid input (nothing was started)",
      "3:infrastructure error (a target would not start, ...)",
      "130:interrupted by Ctrl-C (SIGINT; 143: SIGTERM): rolled back, report written, verdict ABORTED"
    })
public final class FaultlineCli {

  /** Invalid input. */
  static final int INVALID = 2;

  /** Infrastructure error. */
  static final int INFRASTRUCTURE = 3;

  private FaultlineCli() {}

  /** Where Faultline is installed (the repository root), set by the launcher script. */
  static Path home() {
    return Path.of(System.getProperty("faultline.home", ".")).toAbsolutePath().normalize();
  }

  /**
   * Where run folders go when no {@code --reports} is given: the launcher's {@code
   * faultline.reports} (the distribution's {@code bin/faultline} gives {@code ./reports} of the
   * working folder), else {@code reports/} of the home (the repository's {@code ./faultline}).
   */
  static Path reports() {
    String given = System.getProperty("faultline.reports");
    return given != null ? Path.of(given).toAbsolutePath().normalize() : home().resolve("reports");
  }

  /**
   * Held from the first instruction of main until a {@code run} has written its reports, or any
   * other command starts.
   */
  private static volatile ExitHooks.Activity startup;

  /**
   * Installs the shutdown hooks before anything else, so a Ctrl-C at any moment finds them; until
   * the command has done its work the hooks wait for it (a {@code run} writes its ABORTED report).
   * After a signal the JVM exits with 128 + its number (130 for SIGINT), not with {@code code}.
   */
  public static void main(String[] args) {
    ExitHooks.install();
    startup = ExitHooks.begin("faultline startup", () -> {});
    int code;
    try {
      code = execute(args);
    } finally {
      startup.close();
    }
    System.exit(code);
  }

  /** Runs a command line and returns its exit code, without exiting the JVM. */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(FaultlineCli.class);
    cli.setExecutionStrategy(
        parsed -> {
          // Only run keeps the hooks waiting for it; the others end (or serve until) the signal
          // themselves.
          if (!parsed.subcommands().isEmpty()
              && !(parsed.subcommand().commandSpec().userObject() instanceof RunCommand)) {
            releaseStartup();
          }
          return new CommandLine.RunLast().execute(parsed);
        });
    // picocli asks the mapper about wrong command lines too: those are invalid input, not broken
    // infrastructure.
    cli.setExitCodeExceptionMapper(
        t -> t instanceof CommandLine.ParameterException ? INVALID : INFRASTRUCTURE);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.getCommandSpec().exitCodeOnInvalidInput(INVALID);
    for (CommandLine sub : cli.getSubcommands().values()) {
      // run --help, validate -h ...: usage on stdout, exit 0, before any required parameter is
      // missed
      sub.getCommandSpec().mixinStandardHelpOptions(true);
      sub.getCommandSpec().exitCodeOnInvalidInput(INVALID);
    }
    return cli.execute(args);
  }

  private static void releaseStartup() {
    ExitHooks.Activity held = startup;
    if (held != null) {
      held.close();
    }
  }
}
