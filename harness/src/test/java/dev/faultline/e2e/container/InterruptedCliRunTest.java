package dev.faultline.e2e.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C on {@code faultline run --launch container}: the JVM's exit path still removes every container and network of the run. */
class InterruptedCliRunTest {

    private static final Path HOME = Path.of(System.getProperty("faultline.home", "..")).toAbsolutePath().normalize();

    @TempDir
    Path reports;

    @BeforeEach
    void dockerAndImagesAreHere() {
        DockerForTests.requireDockerAndImages();
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void sigintToTheCliDuringAContainerRunLeavesNoContainerOrNetwork() throws Exception {
        Path log = reports.resolve("cli.log");
        Process cli = new ProcessBuilder(cliCommand(ContainerModeEndToEndTest.experiment("counter-long.yaml")))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            await("the CLI's run has its fault on").atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !cli.isAlive() || Files.readString(log).contains("fault slow-network on"));
            assertThat(cli.isAlive()).as("the CLI is still running; its output:\n" + Files.readString(log)).isTrue();

            new ProcessBuilder("kill", "-INT", String.valueOf(cli.pid())).inheritIO().start().waitFor(10, TimeUnit.SECONDS);

            assertThat(cli.waitFor(90, TimeUnit.SECONDS)).as("the CLI exits after SIGINT").isTrue();
            String output = Files.readString(log);
            System.out.println(output);
            assertThat(cli.exitValue()).as("the JVM exits by the signal: 128 + SIGINT").isEqualTo(130);
            assertThat(output).contains("interrupted").contains("fault slow-network off").contains("Aborted: interrupted by a signal");
            String runId = onlyRunFolder();
            assertThat(DockerForTests.leftoversOfRun(runId)).as("left in Docker by run " + runId).isEmpty();
        } finally {
            cli.destroyForcibly();
        }
    }

    private List<String> cliCommand(Path experiment) throws IOException {
        String classpath = HOME.resolve("harness/target/classes") + ":" + Files.readString(HOME.resolve("harness/target/runtime-classpath.txt")).trim();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Dfaultline.home=" + HOME);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add("dev.faultline.cli.FaultlineCli");
        cmd.addAll(List.of("run", "--launch", "container", "--reports", reports.toString(), experiment.toString()));
        return cmd;
    }

    private String onlyRunFolder() throws IOException {
        try (Stream<Path> folders = Files.list(reports)) {
            List<String> runs = folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> n.endsWith("-counter-long")).toList();
            assertThat(runs).as("run folders").hasSize(1);
            return runs.get(0);
        }
    }
}
