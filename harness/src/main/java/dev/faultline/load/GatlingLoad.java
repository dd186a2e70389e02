package dev.faultline.load;

import dev.faultline.process.ChildProcesses;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts load: runs a {@link LoadPlan} with Gatling in a forked JVM (Gatling's only public entry
 * point calls {@code System.exit}). Stateless and thread-safe.
 *
 * <p>The run folder receives {@code load-plan.json}, {@code outcomes.jsonl} (one JSON
 * {@link RequestOutcome} per line), {@code gatling.log} (the fork's console) and
 * {@code gatling/<simulation>-<timestamp>/index.html} (Gatling's report).
 */
public final class GatlingLoad {

    private GatlingLoad() {}

    /** Forks the Gatling JVM and returns at once; the fork is registered with {@link ChildProcesses}. */
    public static LoadRun start(LoadPlan plan, Path runDir) {
        ForkFiles files = new ForkFiles(runDir);
        try {
            Files.createDirectories(files.gatlingResults());
            Files.createDirectories(files.javaPrefs());
            files.writePlan(plan);
            Files.deleteIfExists(files.outcomes());
            Files.createFile(files.outcomes());
            copyLogbackConfig(files.logbackConfig());
        } catch (IOException e) {
            throw new LoadException("cannot prepare the run folder " + runDir + " for the load of '" + plan.experiment() + "': " + e.getMessage(), e);
        }
        ProcessBuilder builder = new ProcessBuilder(ForkCommand.of(plan, files))
                .directory(files.runDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(files.gatlingLog().toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        Process fork;
        try {
            fork = builder.start();
        } catch (IOException e) {
            throw new LoadException("cannot start the Gatling fork for '" + plan.experiment() + "': " + e.getMessage(), e);
        }
        ChildProcesses.register("gatling load of " + plan.experiment(), fork);
        return new LoadRun(plan, files, fork);
    }

    private static void copyLogbackConfig(Path target) throws IOException {
        try (InputStream in = GatlingLoad.class.getResourceAsStream("gatling-logback.xml")) {
            if (in == null) {
                throw new IOException("resource dev/faultline/load/gatling-logback.xml is missing from the classpath");
            }
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
