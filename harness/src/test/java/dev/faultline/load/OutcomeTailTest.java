package dev.faultline.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutcomeTailTest {

  @TempDir Path dir;

  @Test
  void onlyCompleteLinesAreReadEachOnceAndTheRateCountsTheWindowEndingOneSecondAgo()
      throws Exception {
    Path file = dir.resolve("outcomes.jsonl");
    long now = 1_800_000_000_000L;
    String ok =
        ForkFiles.JSON.writeValueAsString(
            new RequestOutcome("s", "s-1", now - 2_000, 1_000, 200, Outcome.OK, null));
    String failed =
        ForkFiles.JSON.writeValueAsString(
            new RequestOutcome(
                "s", "s-2", now - 1_500, 1_000, 500, Outcome.FAILED, "HTTP status 500"));
    Files.writeString(file, ok + "\n" + failed.substring(0, 10), StandardCharsets.UTF_8);
    OutcomeTail tail =
        new OutcomeTail(file, Clock.fixed(Instant.ofEpochMilli(now), ZoneOffset.UTC));

    tail.poll();
    assertThat(tail.progress(Duration.ZERO).requests()).isEqualTo(1);

    Files.writeString(
        file, failed.substring(10) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    tail.poll();
    tail.poll();
    LoadProgress progress = tail.progress(Duration.ofSeconds(3));

    assertThat(progress).isEqualTo(new LoadProgress(2, 1, 1, 0, 1.0, Duration.ofSeconds(3)));
    assertThat(tail.outcomes()).map(RequestOutcome::opId).containsExactly("s-1", "s-2");
  }
}
