package dev.faultline.builtin.support;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TargetSelectionTest {

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void anUnknownVariantFailsStartupListingTheValidOnes() {
    assertThatThrownBy(() -> RunningTarget.start("counter", "bogus"))
        .hasRootCauseInstanceOf(TargetSelectionException.class)
        .rootCause()
        .hasMessage(
            "Unknown variant 'bogus' for service 'counter': --faultline.variant must be one of"
                + " locked, atomic, racy, durable, durable-lazy (or be left out, which selects"
                + " locked)");
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void anUnknownServiceFailsStartupListingTheValidOnes() {
    assertThatThrownBy(() -> RunningTarget.start("counterr", null))
        .hasRootCauseInstanceOf(TargetSelectionException.class)
        .rootCause()
        .hasMessage(
            "Unknown service 'counterr': --faultline.service must be one of counter, config,"
                + " batch, aggregator, downstream, pool, cache, ledger, quote");
  }
}
