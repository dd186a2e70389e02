package dev.faultline.gameday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.e2e.CliProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code faultline gameday} as a child JVM, SIGTERMed with a fault on: no process left behind, the
 * report written.
 */
class GameDaySignalIT {

  @TempDir Path dir;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void sigterm_with_a_fault_on_leaves_no_child_process_and_writes_the_report() throws Exception {
    Path reports = dir.resolve("reports");
    try (CliProcess cli =
        CliProcess.start(
            GameDayFixture.home(),
            "gameday",
            "--reports",
            reports.toString(),
            GameDayFixture.experimentFile().toString())) {
      await("the room opens")
          .atMost(Duration.ofSeconds(90))
          .until(() -> cli.printed("game day room: http://127.0.0.1:"));
      GameDayAddress a = GameDayAddress.find(reports).orElseThrow();
      HttpResponse<String> on =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(a.url()).resolve("/api/faults/slow-answers/on"))
                      .header(RoomServer.TOKEN_HEADER, a.token())
                      .POST(HttpRequest.BodyPublishers.noBody())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
      await("target, Gatling fork and the exit guardian running")
          .atMost(Duration.ofSeconds(30))
          .until(() -> cli.process().descendants().count() >= 3);
      List<ProcessHandle> children = new ArrayList<>(cli.process().descendants().toList());

      cli.signal("TERM");

      assertThat(cli.process().waitFor(60, TimeUnit.SECONDS))
          .as("the game day exits after SIGTERM")
          .isTrue();
      await("every child gone")
          .atMost(Duration.ofSeconds(15))
          .until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
      Path folder;
      try (Stream<Path> s = Files.list(reports)) {
        folder = s.filter(Files::isDirectory).findFirst().orElseThrow();
      }
      JsonNode journal = new ObjectMapper().readTree(folder.resolve("journal.json").toFile());
      assertThat(journal.path("verdictSentence").asText())
          .startsWith("Game day ended: interrupted by a signal (Ctrl-C or SIGTERM).");
      assertThat(journal.toString())
          .contains("switched on by hand, time box 45s", "off (rolled back)");
      assertThat(folder.resolve("index.html")).exists();
      assertThat(reports.resolve(GameDayAddress.FILE))
          .as("faultline abort finds no stale game day")
          .doesNotExist();
      assertThat(cli.output()).contains("rolling back every fault, stopping load and targets");
    }
  }
}
