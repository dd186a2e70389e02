package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrillSummaryTest {

  @TempDir Path reports;

  private void write(String experiment, int day, Verdict verdict) {
    String runId = "2025031" + day + "-090000-" + experiment;
    SampleRuns.Builder run =
        SampleRuns.builder(reports.resolve(runId), experiment)
            .startedAt(SampleRuns.START.plus(Duration.ofDays(day)));
    run.runId = runId;
    run.verdict = verdict;
    RunReports.write(run.build());
  }

  @Test
  void each_experiment_gets_its_latest_verdict_and_what_changed_since_last_week() {
    write("counter-locked", 1, Verdict.MET);
    write("counter-locked", 8, Verdict.NOT_MET);
    write("pool-shape-fixed", 1, Verdict.MET);
    write("pool-shape-fixed", 8, Verdict.MET);
    write("new-one", 8, Verdict.MET);

    String md = DrillSummary.markdown(reports);

    assertThat(md)
        .startsWith("# Faultline drill\n")
        .contains("**2 of 3 experiments met their expectation; 1 changed since the run before.**")
        .contains(
            "| counter-locked | not met | worse: verdict met → not met |"
                + " 20250318-090000-counter-locked/index.html |")
        .contains("| pool-shape-fixed | met | no change |")
        .contains("| new-one | met | first run |");
  }

  @Test
  void an_empty_folder_says_so_and_a_broken_journal_is_named() throws Exception {
    assertThat(DrillSummary.markdown(reports))
        .contains("**0 of 0 experiments met their expectation; 0 changed since the run before.**")
        .doesNotContain("| experiment |");
    Path broken = Files.createDirectories(reports.resolve("20250311-090000-broken"));
    Files.writeString(broken.resolve("journal.json"), "{not json");
    assertThat(DrillSummary.markdown(reports))
        .contains("- unreadable journal in 20250311-090000-broken: ");
  }

  @Test
  void a_pipe_in_a_name_does_not_break_the_table() {
    write("a|b", 1, Verdict.MET);
    assertThat(DrillSummary.markdown(reports)).contains("| a\\|b | met | first run |");
  }
}
