package dev.faultline.report;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes runs in the JUnit XML report format that Surefire and Ant write and CI servers read: one
 * {@code <testsuite name="faultline.<experiment>">} per run, one {@code <testcase>} per check.
 * Always through an {@link XMLStreamWriter}, so every name, message and evidence line is escaped.
 */
final class JUnitWriter {

  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private final XMLStreamWriter xml;

  private JUnitWriter(XMLStreamWriter xml) {
    this.xml = xml;
  }

  /** A document whose root is the run's testsuite. */
  static void writeRun(RunRecord run, OutputStream out) throws XMLStreamException {
    write(out, writer -> writer.suite(run, 0));
  }

  /** A document whose root is {@code <testsuites>}, one testsuite per run, in the order given. */
  static void writeRuns(List<RunRecord> runs, OutputStream out) throws XMLStreamException {
    write(out, writer -> writer.suites(runs));
  }

  private interface Body {
    void writeWith(JUnitWriter writer) throws XMLStreamException;
  }

  private static void write(OutputStream out, Body body) throws XMLStreamException {
    XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
    xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
    body.writeWith(new JUnitWriter(xml));
    xml.writeCharacters("\n");
    xml.writeEndDocument();
    xml.close();
  }

  private void suites(List<RunRecord> runs) throws XMLStreamException {
    List<List<JUnitCase>> casesPerRun = runs.stream().map(JUnitCase::of).toList();
    List<JUnitCase> all = casesPerRun.stream().flatMap(List::stream).toList();
    newline(0);
    xml.writeStartElement("testsuites");
    xml.writeAttribute("name", "faultline");
    counts(all);
    xml.writeAttribute(
        "time",
        Formats.junitSeconds(
            runs.stream()
                .map(Formats::wallTime)
                .filter(d -> d != null)
                .reduce(Duration.ZERO, Duration::plus)));
    for (RunRecord run : runs) {
      suite(run, 1);
    }
    newline(0);
    xml.writeEndElement();
  }

  private void suite(RunRecord run, int depth) throws XMLStreamException {
    List<JUnitCase> cases = JUnitCase.of(run);
    newline(depth);
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", "faultline." + text(run.experiment()));
    counts(cases);
    xml.writeAttribute("time", Formats.junitSeconds(Formats.wallTime(run)));
    if (run.started() != null) {
      xml.writeAttribute("timestamp", run.started().truncatedTo(ChronoUnit.SECONDS).toString());
    }
    properties(run, depth + 1);
    for (JUnitCase testcase : cases) {
      testcase(testcase, depth + 1);
    }
    newline(depth);
    xml.writeEndElement();
  }

  private void counts(List<JUnitCase> cases) throws XMLStreamException {
    xml.writeAttribute("tests", Integer.toString(cases.size()));
    xml.writeAttribute(
        "failures",
        Long.toString(
            cases.stream().filter(c -> c.outcome() == JUnitCase.Outcome.FAILURE).count()));
    xml.writeAttribute(
        "errors",
        Long.toString(cases.stream().filter(c -> c.outcome() == JUnitCase.Outcome.ERROR).count()));
    xml.writeAttribute("skipped", "0");
  }

  private void properties(RunRecord run, int depth) throws XMLStreamException {
    Map<String, String> properties = new TreeMap<>();
    run.environment().forEach((key, value) -> properties.put("environment." + key, value));
    properties.put("faultline.runId", run.runId());
    properties.put(
        "faultline.expect",
        run.expect() == null ? null : run.expect().name().toLowerCase(Locale.ROOT));
    properties.put("faultline.verdict", VerdictWords.label(run.verdict()));
    properties.put("faultline.seed", Long.toString(run.seed()));
    properties.put(
        "faultline.experimentFile",
        run.experimentFile() == null ? null : run.experimentFile().toString());
    newline(depth);
    xml.writeStartElement("properties");
    for (Map.Entry<String, String> property : properties.entrySet()) {
      newline(depth + 1);
      xml.writeEmptyElement("property");
      xml.writeAttribute("name", text(property.getKey()));
      xml.writeAttribute("value", text(property.getValue()));
    }
    newline(depth);
    xml.writeEndElement();
  }

  private void testcase(JUnitCase testcase, int depth) throws XMLStreamException {
    newline(depth);
    xml.writeStartElement("testcase");
    xml.writeAttribute("name", text(testcase.name()));
    xml.writeAttribute("classname", text(testcase.classname()));
    xml.writeAttribute("time", Formats.junitSeconds(testcase.time()));
    switch (testcase.outcome()) {
      case FAILURE -> problem("failure", testcase, depth + 1);
      case ERROR -> problem("error", testcase, depth + 1);
      case PASSED -> {}
    }
    if (testcase.systemOut() != null) {
      newline(depth + 1);
      xml.writeStartElement("system-out");
      xml.writeCharacters(text(testcase.systemOut()));
      xml.writeEndElement();
    }
    newline(depth);
    xml.writeEndElement();
  }

  private void problem(String element, JUnitCase testcase, int depth) throws XMLStreamException {
    newline(depth);
    xml.writeStartElement(element);
    xml.writeAttribute("message", text(testcase.message()));
    xml.writeAttribute("type", text(testcase.type()));
    xml.writeCharacters(text(testcase.detail()));
    xml.writeEndElement();
  }

  private void newline(int depth) throws XMLStreamException {
    xml.writeCharacters("\n" + "  ".repeat(depth));
  }

  /**
   * XML 1.0 cannot carry most control characters (a target log's ANSI escapes, a NUL in a payload):
   * they become U+FFFD rather than an unreadable report.
   */
  static String text(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder clean = new StringBuilder(value.length());
    value.codePoints().forEach(c -> clean.appendCodePoint(allowedInXml(c) ? c : 0xFFFD));
    return clean.toString();
  }

  private static boolean allowedInXml(int c) {
    return c == 0x9
        || c == 0xA
        || c == 0xD
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }
}
