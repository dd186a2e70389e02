package dev.faultline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C in the middle of load: the CLI rolls back, stops every child process and still writes its report. */
class InterruptedRunE2ETest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void sigint_mid_load_leaves_no_process_and_an_aborted_report() throws Exception {
        Path experiment = E2eSupport.counterExperiment(dir, "locked", "pass");
        Files.writeString(experiment, Files.readString(experiment).replace("duration: 3s", "duration: 60s"));
        Path reports = dir.resolve("reports");
        Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "-Dfaultline.home=" + E2eSupport.home(),
                "-cp", System.getProperty("java.class.path"), "dev.faultline.cli.FaultlineCli",
                "run", "--reports", reports.toString(), experiment.toString())
                .redirectErrorStream(true).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> readLines(cli, lines));
        reader.start();
        try {
            await("load running").atMost(Duration.ofSeconds(90)).until(() -> lines.stream().anyMatch(l -> l.contains("load running")));
            List<ProcessHandle> children = new ArrayList<>(cli.descendants().toList());
            assertThat(children).as("target and Gatling fork").hasSizeGreaterThanOrEqualTo(2);

            new ProcessBuilder("kill", "-INT", String.valueOf(cli.pid())).start().waitFor();

            assertThat(cli.waitFor(60, TimeUnit.SECONDS)).as("the CLI exits after Ctrl-C").isTrue();
            await("children gone").atMost(Duration.ofSeconds(15)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
            Path journal;
            try (Stream<Path> s = Files.list(reports)) {
                journal = s.filter(Files::isDirectory).findFirst().orElseThrow().resolve("journal.json");
            }
            JsonNode j = new ObjectMapper().readTree(journal.toFile());
            assertThat(j.path("verdict").asText()).isEqualTo("ABORTED");
            assertThat(j.path("verdictSentence").asText()).contains("interrupted by a signal");
            assertThat(String.join("\n", lines)).contains("rolling back faults and stopping targets");
        } finally {
            cli.destroyForcibly();
            cli.descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static void readLines(Process p, List<String> lines) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
        } catch (IOException ignored) {
            // The process ended.
        }
    }
}
