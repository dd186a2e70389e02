package dev.faultline.run;

import java.nio.file.Path;

/**
 * How runs are carried out: where reports go, where Faultline is installed (for the built-in
 * targets), and where progress is printed.
 */
public record RunOptions(Path reportsFolder, Path home, Console console) {}
