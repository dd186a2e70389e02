package dev.faultline.gameday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.report.RunRecord;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over HTTP, without a browser: a fault rolls itself back when its time box runs out, and the room
 * refuses foreign actions.
 */
class TimeBoxAndGuardIT {

  @TempDir Path dir;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void a_time_boxed_fault_rolls_itself_back_and_only_the_rooms_own_page_may_act() throws Exception {
    try (GameDayFixture room = GameDayFixture.open(dir)) {
      GameDayAddress a = GameDayAddress.find(room.reports).orElseThrow();
      HttpClient http = HttpClient.newHttpClient();
      URI on = URI.create(a.url()).resolve("/api/faults/brief-reset/on");
      HttpResponse<String> noToken =
          http.send(
              HttpRequest.newBuilder(on).POST(HttpRequest.BodyPublishers.noBody()).build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> foreign =
          http.send(
              HttpRequest.newBuilder(on)
                  .header(RoomServer.TOKEN_HEADER, a.token())
                  .header("Origin", "http://evil.example")
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(noToken.statusCode()).isEqualTo(403);
      assertThat(noToken.body()).contains("missing or wrong X-Faultline-Token; reload the page");
      assertThat(foreign.statusCode()).isEqualTo(403);
      assertThat(foreign.body())
          .contains(
              "actions are taken only from this room's own page, not from http://evil.example");
      assertThat(room.toxics()).as("a refused action changes nothing").isEmpty();
      assertThat(room.post("/api/faults/no-such-fault/on").body())
          .contains(
              "no fault named 'no-such-fault'; the experiment declares [slow-answers, brief-reset]");

      HttpResponse<String> switched = room.post("/api/faults/brief-reset/on");

      assertThat(switched.statusCode()).as(switched.body()).isEqualTo(200);
      assertThat(room.toxics()).extracting(t -> t.getName()).containsExactly("brief-reset");
      await("the 3 s time box rolls brief-reset back without anyone pressing anything")
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> room.toxics().isEmpty());
      room.gameDay.end("the test is done");
      RunRecord record = room.awaitRecord();
      assertThat(GameDayFixture.journalOf(record))
          .contains("time box of 3s ran out: rolled back without anyone pressing anything")
          .contains("\"session\" : \"fixture\"");
      assertThat(record.faults())
          .singleElement()
          .satisfies(
              w -> {
                assertThat(w.name()).isEqualTo("brief-reset");
                assertThat(Duration.between(w.on(), w.off()))
                    .isBetween(Duration.ofMillis(2900), Duration.ofSeconds(6));
              });
      assertThat(GameDayAddress.find(room.reports))
          .as("the address file is gone with the game day")
          .isEmpty();
    }
  }
}
