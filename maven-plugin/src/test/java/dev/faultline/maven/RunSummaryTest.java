package dev.faultline.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSummaryTest {

  private static final RunSummary.Entry MET =
      new RunSummary.Entry(
          "stock", "MET", true, "Met: all 3 checks held (a, b, c).", "/r/1-stock/index.html");
  private static final RunSummary.Entry NOT_MET =
      new RunSummary.Entry(
          "stock-demo-bug",
          "NOT_MET",
          false,
          "Not met (control): the known bug went unseen = é ü : # !",
          "/r/2-stock-demo-bug/index.html");

  @Test
  void whatRunWritesVerifyReadsBackInRunOrder(@TempDir Path reports) throws Exception {
    RunSummary.Location location = new RunSummary.Location(reports.resolve("faultline"));
    location.write(new RunSummary(List.of(MET, NOT_MET)));

    assertThat(location.read().runs()).containsExactly(MET, NOT_MET);
  }

  @Test
  void noSummaryWhenRunDidNotRun(@TempDir Path reports) {
    assertThat(new RunSummary.Location(reports).read()).isNull();
  }

  @Test
  void notMetListsOnlyTheRunsThatMissedTheirExpectation() {
    assertThat(new RunSummary(List.of(MET, NOT_MET)).notMet()).containsExactly(NOT_MET);
  }
}
