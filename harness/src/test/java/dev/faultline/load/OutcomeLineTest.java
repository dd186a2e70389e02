package dev.faultline.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeLineTest {

  private static final List<RequestOutcome> OUTCOMES =
      List.of(
          new RequestOutcome(
              "increments",
              "increments-abc1234-1",
              1_764_580_000_000L,
              1_234,
              200,
              Outcome.OK,
              null),
          new RequestOutcome(
              "s",
              "s-2",
              0,
              0,
              0,
              Outcome.INDETERMINATE,
              "j.i.IOException: \"quoted\" \\ back\\slash\nnew line\ttab\r\b\f\u0001 é ✓ \uD83D\uDE00"),
          new RequestOutcome("s", "s-3", -1, Long.MAX_VALUE, 504, Outcome.FAILED, ""));

  @Test
  void eachLineIsWhatJacksonWritesForTheRecord() throws JsonProcessingException {
    for (RequestOutcome o : OUTCOMES) {
      assertThat(OutcomeLine.of(o)).isEqualTo(ForkFiles.JSON.writeValueAsString(o));
    }
  }

  @Test
  void eachLineReadsBackAsTheSameOutcome() throws JsonProcessingException {
    for (RequestOutcome o : OUTCOMES) {
      assertThat(ForkFiles.JSON.readValue(OutcomeLine.of(o), RequestOutcome.class)).isEqualTo(o);
    }
  }
}
