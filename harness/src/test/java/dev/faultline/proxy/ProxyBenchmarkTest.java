package dev.faultline.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The benchmark runs end to end and measures what it says; its figures go in notes, not asserts.
 */
class ProxyBenchmarkTest {

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void a_small_run_measures_every_figure_through_the_proxy_and_directly() {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    ProxyBenchmark.Result result =
        ProxyBenchmark.run(
            new ProxyBenchmark.Options(4L << 20, 200, 10),
            new PrintStream(progress, true, StandardCharsets.UTF_8));

    assertThat(result.directRoundTripMicros().p50()).isPositive();
    assertThat(result.proxiedRoundTripMicros().p50()).isPositive();
    assertThat(result.directMegabytesPerSecond()).isPositive();
    assertThat(result.proxiedMegabytesPerSecond()).isPositive();
    assertThat(result.toxicErrorMillis().p99())
        .isGreaterThanOrEqualTo(result.toxicErrorMillis().p50())
        .isNotNegative();
    assertThat(result.plainDelayErrorMillis().p50()).isNotNegative();
    assertThat(result.relayDelayErrorMillis().p50()).isNotNegative();
    assertThat(result.report())
        .contains("added p50")
        .contains("MB/s")
        .contains("latency toxic 50ms")
        .contains("in a relay");
    assertThat(progress.toString(StandardCharsets.UTF_8))
        .contains("ping-pongs")
        .contains("transfers")
        .contains("to warm up its timed path")
        .contains("latency toxic");
  }

  @Test
  void sizes_read_with_suffixes_and_bad_ones_say_how_to_write_them() {
    assertThat(ProxyBenchmark.parseSize("1g")).isEqualTo(1L << 30);
    assertThat(ProxyBenchmark.parseSize("512M")).isEqualTo(512L << 20);
    assertThat(ProxyBenchmark.parseSize("64k")).isEqualTo(64L << 10);
    assertThat(ProxyBenchmark.parseSize("1000")).isEqualTo(1000);
    assertThatThrownBy(() -> ProxyBenchmark.parseSize("1x"))
        .hasMessageContaining("'1x' is not a size")
        .hasMessageContaining("512m");
  }
}
