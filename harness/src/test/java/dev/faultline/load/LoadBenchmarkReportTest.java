package dev.faultline.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadBenchmarkReportTest {

  @TempDir Path dir;

  private static LoadBenchmark.Sample rate(double perSecond) {
    return new LoadBenchmark.Sample(perSecond, Optional.of(Duration.ofNanos(150_000)));
  }

  @Test
  void eachLoadShowsItsRoundsItsMedianAndItsRatiosToWrkAndPlainGatling() {
    Map<String, List<LoadBenchmark.Sample>> samples = new LinkedHashMap<>();
    samples.put(LoadBenchmark.KEEP_ALIVE, List.of(rate(5_000), rate(4_000), rate(6_000)));
    samples.put(LoadBenchmark.PLAIN, List.of(rate(5_000), rate(5_500), rate(4_500)));
    samples.put(
        LoadBenchmark.WRK,
        List.of(
            new LoadBenchmark.Sample(10_000, Optional.empty()),
            new LoadBenchmark.Sample(9_000, Optional.empty()),
            new LoadBenchmark.Sample(11_000, Optional.empty())));
    LoadBenchmarkReport report =
        new LoadBenchmarkReport(
            new LoadBenchmark.Options(
                "http://127.0.0.1:8080",
                "POST",
                "/counter/increment",
                16,
                Duration.ofSeconds(5),
                3),
            samples,
            dir);

    assertThat(report.medianRequestsPerSecond(LoadBenchmark.KEEP_ALIVE)).hasValue(5_000);
    assertThat(report.report())
        .contains(
            "faultline keep-alive   5,000 4,000 6,000                       5,000      0.50      1.00"
                + "     150.0 us")
        .contains(
            "wrk keep-alive         10,000 9,000 11,000                    10,000      1.00"
                + "      2.00            -")
        .contains(
            "goals for keep-alive: >= 0.50 of wrk keep-alive (0.50), >= 0.90 of plain Gatling"
                + " (1.00)");
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(LoadBenchmarkReport.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
  }

  @Test
  void gatlingsSummaryGivesTheRequestCount() throws IOException {
    Path log =
        Files.writeString(
            dir.resolve("gatling.log"),
            "---- Global Information ----------|---Total---|-----OK----|----KO----\n"
                + "> request count                  |    12,432 |    12,400 |        32\n"
                + "> mean throughput (rps)          |  2,486.40 |  2,480.00 |         -\n");

    assertThat(GatlingSummary.requestCount(log)).isEqualTo(12_432);
  }
}
