package dev.faultline.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutcomeRecorderTest {

  @TempDir Path dir;

  @Test
  void closingRecordsEveryRequestStillInFlightAsIndeterminateAndEachOperationGetsExactlyOneLine()
      throws Exception {
    Path file = dir.resolve("outcomes.jsonl");
    OutcomeRecorder recorder = new OutcomeRecorder(file);
    assertThat(recorder.started("s", "s-1", 1_000, System.nanoTime())).isTrue();
    assertThat(recorder.started("s", "s-2", 1_001, System.nanoTime())).isTrue();
    recorder.append(OutcomeClassifier.classify("s", "s-1", 1_000, 5, 200, null, 1));

    recorder.close();
    recorder.append(OutcomeClassifier.classify("s", "s-2", 1_001, 5, 200, null, 1));

    assertThat(recorder.started("s", "s-3", 1_002, System.nanoTime()))
        .as("no request may start once closed")
        .isFalse();
    OutcomeTail tail = new OutcomeTail(file, Clock.systemUTC());
    tail.poll();
    assertThat(tail.outcomes())
        .extracting(RequestOutcome::opId, RequestOutcome::outcome, RequestOutcome::error)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("s-1", Outcome.OK, null),
            org.assertj.core.groups.Tuple.tuple(
                "s-2", Outcome.INDETERMINATE, OutcomeRecorder.IN_FLIGHT_AT_STOP));
    assertThat(tail.progress(Duration.ZERO).requests()).isEqualTo(2);
    assertThat(Files.readAllLines(file)).hasSize(2);
  }
}
