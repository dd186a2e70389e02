package dev.faultline.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The fresh section's arithmetic (medians over starts) and its table. */
class FreshFiguresTest {

  /** A start whose every figure is {@code k} times a base, so medians are easy to read. */
  private static FreshFigures.Start start(double k) {
    double[] toxic = IntStream.range(0, 200).mapToDouble(i -> k * (i < 5 ? 2 + i : 1)).toArray();
    double[] proxied = IntStream.rangeClosed(1, 100).mapToDouble(i -> k * i * 10).toArray();
    double[] direct = IntStream.rangeClosed(1, 100).mapToDouble(i -> k * i).toArray();
    return new FreshFigures.Start(
        1_000 * k,
        2_000 * k,
        4 * k,
        1.5 * k,
        new double[] {k, 3 * k, 2 * k, 0.5 * k},
        toxic,
        proxied,
        direct);
  }

  private final FreshFigures figures = new FreshFigures(List.of(start(3), start(1), start(2)));

  @Test
  void each_figure_is_the_median_over_the_starts() {
    assertThat(figures.median(FreshFigures.Start::createMillis)).isEqualTo(8);
    assertThat(figures.median(FreshFigures.Start::firstConnectionMillis)).isEqualTo(3);
    assertThat(figures.median(s -> FreshFigures.max(s.nextConnectionsMillis()))).isEqualTo(6);
    assertThat(figures.median(s -> FreshFigures.min(s.nextConnectionsMillis()))).isEqualTo(1);
    assertThat(figures.median(s -> FreshFigures.p99(s.proxiedConnectionsMicros())))
        .isEqualTo(1_980);
  }

  @Test
  void the_table_puts_each_median_beside_the_toxiproxy_reference() {
    assertThat(figures.report())
        .startsWith(
            "fresh server, a new JVM each start: medians of 3 starts | Toxiproxy 2.x figures quoted"
                + " from issue #14 (not run here)")
        .contains("  JVM start to API ready")
        .containsPattern("POST /proxies +8\\.00 ms +3 ms")
        .containsPattern(
            "first connection \\(connect, 64 B echo, close\\) +3\\.00 ms +0\\.6-0\\.9 ms")
        .containsPattern("connections 2-5 \\(min-max\\) +1\\.00-6\\.00 ms +0\\.4-1\\.0 ms")
        .containsPattern("first 5 connections, error \\(min-max\\) +4\\.00-12 ms +0\\.9-1\\.8 ms")
        .containsPattern("200 connections, error p50 / p99 +2\\.00 ms / 8\\.00 ms")
        .containsPattern("100 connections after, p50 / p99 +1\\.00 ms / 1\\.98 ms +445-468 us")
        .containsPattern("direct to the echo \\(no proxy\\) +100 us / 198 us");
  }

  @Test
  void durations_read_in_the_unit_the_reference_uses() {
    assertThat(FreshFigures.us(445.4)).isEqualTo("445 us");
    assertThat(FreshFigures.us(1_234)).isEqualTo("1.23 ms");
    assertThat(FreshFigures.ms(0.64)).isEqualTo("0.64 ms");
    assertThat(FreshFigures.ms(114.2)).isEqualTo("114 ms");
  }

  @Test
  void figures_need_at_least_one_start() {
    assertThatThrownBy(() -> new FreshFigures(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("starts must not be empty: measure at least one server");
  }
}
