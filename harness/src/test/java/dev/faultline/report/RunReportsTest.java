package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportsTest {

  @TempDir Path reports;

  @Test
  void a_passing_run_leaves_three_files_and_says_it_met_first() throws Exception {
    RunRecord run = SampleRuns.passing(reports.resolve("pass"));

    Path index = RunReports.write(run);

    assertThat(index).isEqualTo(run.folder().resolve("index.html"));
    assertThat(run.folder().resolve("journal.json")).isRegularFile();
    assertThat(run.folder().resolve("junit.xml")).isRegularFile();
    String html = Files.readString(index);
    assertThat(html)
        .contains("<div class=\"verdict met\" id=\"verdict\">")
        .contains("Met: every check held while slow-downstream added 800 ms to every call.")
        .contains("2 of 2 checks passed");
    assertThat(html.indexOf("id=\"verdict\""))
        .as("the verdict comes before the checks")
        .isLessThan(html.indexOf("id=\"checks\""));
  }

  @Test
  void report_files_are_as_readable_as_any_file_the_user_makes_not_owner_only() throws Exception {
    RunRecord run = SampleRuns.passing(reports.resolve("modes"));
    RunReports.write(run);
    Path plain = Files.createFile(run.folder().resolve("plain.txt"));
    var expected = Files.getPosixFilePermissions(plain);

    for (String file : new String[] {"index.html", "journal.json", "junit.xml"}) {
      assertThat(Files.getPosixFilePermissions(run.folder().resolve(file)))
          .as(file + " follows the umask like any new file")
          .isEqualTo(expected);
    }
  }

  @Test
  void a_failing_run_shows_each_check_with_bound_observation_and_evidence() throws Exception {
    String html =
        ReportFormats.visible(
            Files.readString(RunReports.write(SampleRuns.failing(reports.resolve("fail")))));

    assertThat(html)
        .contains("verdict not-met")
        .contains("1 of 2 checks passed")
        .contains("<h3>counter-adds-up</h3>")
        .contains("counter-consistency")
        .contains("value in [2000, 2004]")
        .contains("value = 1874")
        .contains(
            "<pre class=\"evidence\">lost 126 acknowledged increments: op-17, op-18, op-233, op-990 …\n"
                + "first lost op-17 acknowledged at +5.212 s, during slow-downstream");
  }

  @Test
  void the_report_is_self_contained_with_no_script_and_no_remote_resource() throws Exception {
    String html = Files.readString(RunReports.write(SampleRuns.failing(reports.resolve("fail"))));

    assertThat(html)
        .doesNotContain("<script")
        .doesNotContain("<link")
        .doesNotContain("src=\"http")
        .doesNotContain("@import")
        .doesNotContain("url(");
    assertThat(html).contains("<style>").contains("<svg class=\"timeline\"");
  }

  @Test
  void the_timeline_shades_each_fault_window_and_labels_axes_in_seconds() throws Exception {
    String html = Files.readString(RunReports.write(SampleRuns.failing(reports.resolve("fail"))));

    assertThat(html)
        .contains("<rect class=\"band\"")
        .contains(">slow-downstream</text>")
        .contains("seconds since load started")
        .contains("<polyline class=\"p99\"")
        .contains("<polyline class=\"threads\"")
        .contains("<rect class=\"ok\"");
  }

  @Test
  void load_steps_faults_artifacts_environment_yaml_and_journal_are_all_shown() throws Exception {
    String html =
        ReportFormats.visible(
            Files.readString(RunReports.write(SampleRuns.failing(reports.resolve("fail")))));

    assertThat(html)
        .contains("<td class=\"mono wrap\">GET /aggregate</td>")
        .contains("1,200")
        .contains("505 ms")
        .contains("+5.000 s")
        .contains("+20.000 s")
        .contains("<a href=\"./gatling/aggregate-20250314/index.html\">")
        .contains("<a href=\"./targets/aggregator.log\">")
        .contains("17.0.15+6")
        .contains("<pre>name: aggregator-deadline-under-latency")
        .contains("targets up: aggregator, downstream")
        .contains("rate=40/s");
  }

  @Test
  void a_caught_control_says_which_check_caught_the_bug() throws Exception {
    String html =
        Files.readString(RunReports.write(SampleRuns.controlCaught(reports.resolve("cc"))));

    assertThat(html)
        .contains("Control: the bug was caught by counter-adds-up.")
        .contains("caught the bug, as this control expects");
  }

  @Test
  void an_unseen_control_says_the_harness_failed_to_see_the_bug() throws Exception {
    String html =
        Files.readString(RunReports.write(SampleRuns.controlUnseen(reports.resolve("cu"))));

    assertThat(html)
        .contains("verdict not-met")
        .contains(
            "The harness failed to see the bug: no check in caught-by (counter-adds-up) failed.");
  }

  @Test
  void an_error_run_gives_the_reason_and_no_timeline() throws Exception {
    String html = Files.readString(RunReports.write(SampleRuns.error(reports.resolve("err"))));

    assertThat(html)
        .contains("verdict error")
        .contains(
            "target batch did not become healthy within 30 s: GET http://127.0.0.1:8081/actuator/health answered 503")
        .contains("No load ran, so there is no timeline.")
        .contains("No check ran.")
        .doesNotContain("<svg");
  }

  @Test
  void an_artifact_path_that_leaves_the_folder_or_names_a_scheme_gets_no_link() {
    assertThat(Links.relative("../secret.txt")).isNull();
    assertThat(Links.relative("/etc/passwd")).isNull();
    assertThat(Links.relative("javascript:alert(1)")).isEqualTo("./javascript:alert(1)");
    assertThat(Links.relative("gatling/run 1/index.html"))
        .isEqualTo("./gatling/run%201/index.html");
    assertThat(Links.relative("logs/a?b#c.log")).isEqualTo("./logs/a%3Fb%23c.log");
  }

  @Test
  void an_inconclusive_run_is_coloured_apart_shows_its_findings_and_shades_the_warm_up()
      throws Exception {
    String html =
        Files.readString(RunReports.write(SampleRuns.inconclusive(reports.resolve("inc"))));

    assertThat(html)
        .contains("<div class=\"verdict inconclusive\" id=\"verdict\">")
        .contains("<span class=\"pill inconclusive\">inconclusive</span>")
        .contains(
            "<li>10 of 10 requests failed or timed out outside any fault window: first at 0.1 s (orders-1, failed: HTTP status 404)</li>")
        .contains("<li>fault slow went on 1.2 s late: declared at 3.0 s, on at 4.2 s</li>")
        .contains("<g class=\"warm-up\">")
        .contains(">warm-up</text>")
        .as("the steady-state probe is not counted as a check")
        .contains("1 of 1 checks passed");
  }
}
