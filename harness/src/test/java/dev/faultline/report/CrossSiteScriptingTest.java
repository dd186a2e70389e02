package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.check.CheckResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * User text — names, descriptions, paths, evidence, journal messages — is shown as text, never run
 * as markup.
 */
class CrossSiteScriptingTest {

  @TempDir Path reports;

  @Test
  void the_run_report_shows_a_script_tag_as_text() throws Exception {
    RunRecord run = SampleRuns.hostile(reports.resolve("hostile"));

    String html = Files.readString(RunReports.write(run));

    assertThat(html).doesNotContain("<script").doesNotContain("alert(1)</script>");
    assertThat(html)
        .as("every place the text appears, escaped")
        .contains("<h1>xss-&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;</h1>")
        .contains("described as &lt;script&gt;")
        .contains("GET /aggregate?q&#61;&lt;script&gt;")
        .contains("evidence &lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;")
        .contains("message &lt;script&gt;alert(1)&lt;/script&gt;")
        .contains(">fault-&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;</text>")
        .contains("<pre>name: &lt;script&gt;");
    assertThat(html)
        .as("a scheme in an artifact path is a relative file, never a URL")
        .doesNotContain("href=\"javascript:");
  }

  @Test
  void the_history_index_shows_a_script_tag_as_text() throws Exception {
    RunReports.write(SampleRuns.hostile(reports.resolve("hostile")));

    String html = Files.readString(HistoryIndex.rebuild(reports));

    assertThat(html)
        .doesNotContain("<script")
        .contains("xss-&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;");
  }

  @Test
  void junit_xml_is_well_formed_and_carries_the_strings_unchanged() {
    RunRecord run = SampleRuns.hostile(reports.resolve("hostile"));
    RunReports.write(run);
    Path xml = run.folder().resolve("junit.xml");

    ReportFormats.assertValidJUnit(xml);
    Element suite = ReportFormats.parseXml(xml).getDocumentElement();
    CheckResult check = run.checks().get(0);
    Element testcase = (Element) suite.getElementsByTagName("testcase").item(0);
    Element failure = (Element) testcase.getElementsByTagName("failure").item(0);
    assertThat(suite.getAttribute("name")).isEqualTo("faultline." + run.experiment());
    assertThat(testcase.getAttribute("name")).isEqualTo(check.name());
    assertThat(testcase.getAttribute("classname")).isEqualTo(run.experiment());
    assertThat(failure.getAttribute("message")).isEqualTo(check.summary());
    assertThat(failure.getTextContent()).contains("evidence " + SampleRuns.XSS);
  }

  @Test
  void journal_json_is_valid_and_round_trips_the_strings() throws Exception {
    RunRecord run = SampleRuns.hostile(reports.resolve("hostile"));
    RunReports.write(run);
    Path journal = run.folder().resolve("journal.json");

    ReportFormats.assertValidJournal(Files.readString(journal));
    RunRecord read = JournalReader.read(journal);
    assertThat(read.experiment()).isEqualTo("xss-" + SampleRuns.XSS);
    assertThat(read.checks().get(0).evidence()).containsExactly("evidence " + SampleRuns.XSS);
    assertThat(read.events())
        .last()
        .extracting(JournalEvent::message)
        .isEqualTo("message " + SampleRuns.XSS);
    assertThat(read).isEqualTo(run);
  }
}
