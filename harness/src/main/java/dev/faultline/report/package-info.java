/**
 * What a run leaves behind, from a {@link dev.faultline.report.RunRecord} built by the run
 * lifecycle.
 *
 * <ul>
 *   <li>{@link dev.faultline.report.RunReports} writes a run folder's {@code index.html} (one
 *       self-contained page: verdict first, checks with their evidence, an SVG timeline with fault
 *       windows shaded), {@code journal.json} (described by {@code journal.schema.json} beside
 *       these classes) and {@code junit.xml}.
 *   <li>{@link dev.faultline.report.SuiteReports} writes one JUnit XML file for a suite of runs.
 *   <li>{@link dev.faultline.report.HistoryIndex} rebuilds a reports folder's {@code index.html}
 *       from the journals alone; {@link dev.faultline.report.JournalReader} reads one back.
 *   <li>{@link dev.faultline.report.ConsoleSummary} is the table printed at the end of a run.
 * </ul>
 *
 * <p>User text reaches HTML only through Mustache's escaping {@code {{ }}} and XML only through an
 * {@code XMLStreamWriter}; pages carry no script and load nothing from the network.
 */
package dev.faultline.report;
