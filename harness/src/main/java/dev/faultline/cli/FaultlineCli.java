package dev.faultline.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code faultline} command. Exit codes: 0 every experiment met its expectation; 1 a check
 * failed (or a control went unseen, or a run was aborted); 2 invalid input, nothing started;
 * 3 infrastructure error.
 */
@Command(name = "faultline", mixinStandardHelpOptions = true, version = "faultline 0.1.0",
        description = "Chaos experiments for the concurrency resilience of JVM services.",
        subcommands = {RunCommand.class, ValidateCommand.class, ListCommand.class, GamedayCommand.class, AbortCommand.class, ProxyCommand.class,
                ReportCommand.class, BenchCommand.class,
                SchemaCommand.class, ImagesCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every experiment met its expectation", "1:a check failed, a control went unseen, or a run was aborted",
                "2:invalid input (nothing was started)", "3:infrastructure error (a target would not start, ...)"})
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

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code, without exiting the JVM. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(FaultlineCli.class);
        cli.setExitCodeExceptionMapper(t -> INFRASTRUCTURE);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.getCommandSpec().exitCodeOnInvalidInput(INVALID);
        for (CommandLine sub : cli.getSubcommands().values()) {
            // run --help, validate -h ...: usage on stdout, exit 0, before any required parameter is missed
            sub.getCommandSpec().mixinStandardHelpOptions(true);
            sub.getCommandSpec().exitCodeOnInvalidInput(INVALID);
        }
        return cli.execute(args);
    }
}
