package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitReportTest {

  @TempDir Path reports;

  private Document written(RunRecord run) {
    RunReports.write(run);
    Path xml = run.folder().resolve("junit.xml");
    ReportFormats.assertValidJUnit(xml);
    return ReportFormats.parseXml(xml);
  }

  private static Element testcase(Document junit, String name) {
    NodeList cases = junit.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element testcase = (Element) cases.item(i);
      if (testcase.getAttribute("name").equals(name)) {
        return testcase;
      }
    }
    throw new AssertionError("no testcase named " + name);
  }

  private static Element only(Element parent, String tag) {
    NodeList children = parent.getElementsByTagName(tag);
    assertThat(children.getLength())
        .as("<%s> in testcase %s", tag, parent.getAttribute("name"))
        .isEqualTo(1);
    return (Element) children.item(0);
  }

  @Test
  void a_passing_run_is_one_suite_named_after_the_experiment_with_one_testcase_per_check() {
    Element suite = written(SampleRuns.passing(reports.resolve("pass"))).getDocumentElement();

    assertThat(suite.getTagName()).isEqualTo("testsuite");
    assertThat(suite.getAttribute("name")).isEqualTo("faultline.aggregator-deadline-under-latency");
    assertThat(suite.getAttribute("tests")).isEqualTo("2");
    assertThat(suite.getAttribute("failures")).isEqualTo("0");
    assertThat(suite.getAttribute("errors")).isEqualTo("0");
    assertThat(suite.getAttribute("time")).isEqualTo("41.000");
    Element deadline = testcase(suite.getOwnerDocument(), "deadline-fires");
    assertThat(deadline.getAttribute("classname")).isEqualTo("aggregator-deadline-under-latency");
    assertThat(deadline.getAttribute("time"))
        .as("from the check's journal event")
        .isEqualTo("1.500");
  }

  @Test
  void a_failed_check_is_a_failure_whose_body_is_the_evidence() {
    Document junit = written(SampleRuns.failing(reports.resolve("fail")));

    Element failure = only(testcase(junit, "counter-adds-up"), "failure");
    assertThat(failure.getAttribute("type")).isEqualTo("faultline.counter-consistency");
    assertThat(failure.getAttribute("message"))
        .isEqualTo(
            "counter-adds-up failed: final counter value against acknowledged increments; expected value in [2000, 2004], observed value = 1874");
    assertThat(failure.getTextContent())
        .contains("lost 126 acknowledged increments: op-17, op-18, op-233, op-990 …");
    assertThat(junit.getDocumentElement().getAttribute("failures")).isEqualTo("1");
  }

  @Test
  void a_check_that_could_not_be_evaluated_is_an_error() {
    SampleRuns.Builder run = SampleRuns.builder(reports.resolve("check-error"), "counter");
    run.verdict = Verdict.NOT_MET;
    run.checks =
        List.of(
            new dev.faultline.check.CheckResult(
                "counter-adds-up",
                "counter-consistency",
                dev.faultline.check.CheckStatus.ERROR,
                "final value",
                "value in [0, 0]",
                "target unreachable",
                List.of("connection refused")));
    Document junit = written(run.build());

    assertThat(only(testcase(junit, "counter-adds-up"), "error").getAttribute("type"))
        .isEqualTo("faultline.check-error");
    assertThat(junit.getDocumentElement().getAttribute("errors")).isEqualTo("1");
  }

  @Test
  void a_caught_control_passes_and_says_its_check_caught_the_bug() {
    Document junit = written(SampleRuns.controlCaught(reports.resolve("cc")));

    Element catcher = testcase(junit, "counter-adds-up");
    assertThat(catcher.getElementsByTagName("failure").getLength()).isZero();
    assertThat(only(catcher, "system-out").getTextContent())
        .startsWith("Caught the bug, as this control expects: ");
    assertThat(only(testcase(junit, "control caught"), "system-out").getTextContent())
        .isEqualTo("Control: the bug was caught by counter-adds-up.");
    assertThat(junit.getDocumentElement().getAttribute("failures")).isEqualTo("0");
  }

  @Test
  void an_unseen_control_fails_the_control_caught_testcase() {
    Document junit = written(SampleRuns.controlUnseen(reports.resolve("cu")));

    Element failure = only(testcase(junit, "control caught"), "failure");
    assertThat(failure.getAttribute("type")).isEqualTo("faultline.control-unseen");
    assertThat(failure.getAttribute("message"))
        .isEqualTo(
            "The harness failed to see the bug: no check in caught-by (counter-adds-up) failed.");
    assertThat(junit.getDocumentElement().getAttribute("failures")).isEqualTo("1");
  }

  @Test
  void an_error_run_has_an_error_testcase_with_the_reason() {
    Document junit = written(SampleRuns.error(reports.resolve("err")));

    Element error = only(testcase(junit, "run error"), "error");
    assertThat(error.getAttribute("type")).isEqualTo("faultline.error");
    assertThat(error.getAttribute("message"))
        .startsWith("target batch did not become healthy within 30 s");
    assertThat(junit.getDocumentElement().getAttribute("errors")).isEqualTo("1");
  }

  @Test
  void an_aborted_run_has_an_error_testcase_typed_aborted() {
    SampleRuns.Builder run = SampleRuns.builder(reports.resolve("abort"), "aggregator");
    run.verdict = Verdict.ABORTED;
    run.error = "stop condition error-rate-above 50% tripped at +12 s (61% errors)";
    Document junit = written(run.build());

    Element error = only(testcase(junit, "run aborted"), "error");
    assertThat(error.getAttribute("type")).isEqualTo("faultline.aborted");
    assertThat(error.getAttribute("message")).isEqualTo(run.error);
  }

  @Test
  void control_characters_from_logs_do_not_break_the_xml() {
    SampleRuns.Builder run = SampleRuns.builder(reports.resolve("ansi"), "counter");
    run.verdict = Verdict.NOT_MET;
    run.checks =
        List.of(
            new dev.faultline.check.CheckResult(
                "leak",
                "no-thread-leak",
                dev.faultline.check.CheckStatus.FAILED,
                "threads",
                "≤ 40",
                "41",
                List.of("\u001b[31mpool-1-thread-3\u001b[0m WAITING\u0000")));

    Document junit = written(run.build());

    assertThat(only(testcase(junit, "leak"), "failure").getTextContent())
        .contains("\uFFFD[31mpool-1-thread-3");
  }

  @Test
  void a_suite_file_holds_one_testsuite_per_run() {
    Path file = reports.resolve("suite/junit.xml");
    List<RunRecord> runs =
        List.of(
            SampleRuns.passing(reports.resolve("a")),
            SampleRuns.failing(reports.resolve("b")),
            SampleRuns.controlUnseen(reports.resolve("c")),
            SampleRuns.error(reports.resolve("d")));

    SuiteReports.writeJUnit(runs, file);

    ReportFormats.assertValidJUnit(file);
    Element root = ReportFormats.parseXml(file).getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getElementsByTagName("testsuite").getLength()).isEqualTo(4);
    assertThat(root.getAttribute("tests"))
        .as("2 + 2 + (1 + control caught) + run error")
        .isEqualTo("7");
    assertThat(root.getAttribute("failures")).isEqualTo("2");
    assertThat(root.getAttribute("errors")).isEqualTo("1");
  }

  @Test
  void an_inconclusive_run_is_an_error_testcase_because_no_verdict_on_the_service_was_reached() {
    Document junit = written(SampleRuns.inconclusive(reports.resolve("inc")));

    Element error = only(testcase(junit, "run inconclusive"), "error");
    assertThat(error.getAttribute("type")).isEqualTo("faultline.inconclusive");
    assertThat(error.getAttribute("message"))
        .isEqualTo(
            "Inconclusive: the load did not exercise the service — step orders: only 0 of 10 requests outside fault windows were ok.");
    assertThat(junit.getDocumentElement().getAttribute("errors")).isEqualTo("1");
    assertThat(junit.getDocumentElement().getAttribute("failures"))
        .as("no check failed")
        .isEqualTo("0");
  }
}
