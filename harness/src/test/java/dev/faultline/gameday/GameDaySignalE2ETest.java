package dev.faultline.gameday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

/** {@code faultline gameday} as a child JVM, SIGTERMed with a fault on: no process left behind, the report written. */
class GameDaySignalE2ETest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void sigterm_with_a_fault_on_leaves_no_child_process_and_writes_the_report() throws Exception {
        Path reports = dir.resolve("reports");
        Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "-Dfaultline.home=" + GameDayFixture.home(),
                "-cp", System.getProperty("java.class.path"), "dev.faultline.cli.FaultlineCli",
                "gameday", "--reports", reports.toString(), GameDayFixture.experimentFile().toString())
                .redirectErrorStream(true).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> readLines(cli, lines));
        reader.start();
        try {
            await("the room opens").atMost(Duration.ofSeconds(90)).until(() -> lines.stream().anyMatch(l -> l.contains("game day room: http://127.0.0.1:")));
            GameDayAddress a = GameDayAddress.find(reports).orElseThrow();
            HttpResponse<String> on = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(a.url()).resolve("/api/faults/slow-answers/on"))
                    .header(RoomServer.TOKEN_HEADER, a.token()).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
            await("target and Gatling fork running").atMost(Duration.ofSeconds(30)).until(() -> cli.descendants().count() >= 2);
            List<ProcessHandle> children = new ArrayList<>(cli.descendants().toList());

            new ProcessBuilder("kill", "-TERM", String.valueOf(cli.pid())).start().waitFor();

            assertThat(cli.waitFor(60, TimeUnit.SECONDS)).as("the game day exits after SIGTERM").isTrue();
            await("every child gone").atMost(Duration.ofSeconds(15)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
            Path folder;
            try (Stream<Path> s = Files.list(reports)) {
                folder = s.filter(Files::isDirectory).findFirst().orElseThrow();
            }
            JsonNode journal = new ObjectMapper().readTree(folder.resolve("journal.json").toFile());
            assertThat(journal.path("verdictSentence").asText()).startsWith("Game day ended: interrupted by a signal (Ctrl-C or SIGTERM).");
            assertThat(journal.toString()).contains("switched on by hand, time box 45s", "off (rolled back)");
            assertThat(folder.resolve("index.html")).exists();
            assertThat(reports.resolve(GameDayAddress.FILE)).as("faultline abort finds no stale game day").doesNotExist();
            assertThat(String.join("\n", lines)).contains("rolling back every fault, stopping load and targets");
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
