package dev.faultline.builtin.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.builtin.support.RunningTarget;
import dev.faultline.builtin.support.TargetSelectionException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The durable variants as the harness runs them: the real application, stopped and started again.
 */
class DurableCounterServiceTest {

  @TempDir Path dataDir;

  @ParameterizedTest(name = "{0} answers after a restart as if it had never stopped")
  @ValueSource(strings = {"durable", "durable-lazy"})
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aRestartedDurableCounterAnswersAsIfItHadNeverStopped(String variant) {
    try (RunningTarget first = start(variant)) {
      first.post("/counter/increment?op=op-1");
      first.post("/counter/increment");
      first.post("/counter/increment?op=op-2");
    } // a graceful stop: even the lazy twin commits what it acknowledged

    try (RunningTarget second = start(variant)) {
      assertThat(second.get("/counter").toString())
          .isEqualTo("{\"value\":3,\"increments\":3,\"variant\":\"" + variant + "\"}");
      assertThat(second.get("/counter/ops").toString())
          .isEqualTo("{\"applied\":[\"op-1\",\"op-2\"],\"duplicates\":[]}");

      second.post("/counter/reset");
    }

    try (RunningTarget third = start(variant)) {
      assertThat(third.get("/counter").get("value").asLong())
          .as("reset emptied the journal")
          .isZero();
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aDurableVariantWithoutADataDirFailsStartupSayingHowToSetIt() {
    assertThatThrownBy(() -> RunningTarget.start("counter", "durable"))
        .hasRootCauseInstanceOf(TargetSelectionException.class)
        .rootCause()
        .hasMessage(
            "The counter variant 'durable' keeps its state on disk and needs a folder for it: add"
                + " --faultline.data-dir=<folder> (created if missing; the journal is"
                + " <folder>/counter.journal), e.g. --faultline.data-dir=/tmp/faultline-counter");
  }

  private RunningTarget start(String variant) {
    return RunningTarget.start("counter", variant, "--faultline.data-dir=" + dataDir);
  }
}
