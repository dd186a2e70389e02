package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;

/**
 * Parsing and schema validation of what the writers produce; the one place tests load the schemas.
 */
final class ReportFormats {

  private static final Schema JOURNAL_SCHEMA = journalSchema();
  private static final javax.xml.validation.Schema JUNIT_SCHEMA = junitSchema();

  private ReportFormats() {}

  private static Schema journalSchema() {
    try (InputStream schema =
        ReportFormats.class.getResourceAsStream("/dev/faultline/report/journal.schema.json")) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(schema);
    } catch (Exception e) {
      throw new AssertionError("journal.schema.json could not be loaded", e);
    }
  }

  private static javax.xml.validation.Schema junitSchema() {
    try {
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      return factory.newSchema(
          ReportFormats.class.getResource("/dev/faultline/report/junit-report.xsd"));
    } catch (Exception e) {
      throw new AssertionError("junit-report.xsd could not be loaded", e);
    }
  }

  static void assertValidJournal(String json) {
    List<com.networknt.schema.Error> errors = JOURNAL_SCHEMA.validate(json, InputFormat.JSON);
    assertThat(errors).as("journal.json against journal.schema.json").isEmpty();
  }

  static void assertValidJUnit(Path xml) {
    try {
      JUNIT_SCHEMA.newValidator().validate(new StreamSource(xml.toFile()));
    } catch (Exception e) {
      throw new AssertionError(
          xml + " is not valid against junit-report.xsd: " + e.getMessage(), e);
    }
  }

  /** The text a browser shows for an HTML source, for asserting on what a reader sees. */
  static String visible(String html) {
    return html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#61;", "=")
        .replace("&#96;", "`")
        .replace("&#10;", "\n")
        .replace("&#13;", "\r")
        .replace("&amp;", "&");
  }

  static Document parseXml(Path xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(xml.toFile());
    } catch (Exception e) {
      throw new AssertionError(xml + " is not well-formed XML: " + e.getMessage(), e);
    }
  }
}
