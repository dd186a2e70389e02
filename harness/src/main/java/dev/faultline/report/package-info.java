/**
 * What a run leaves behind: the HTML report, journal.json, junit.xml and the history index of a
 * reports folder. The input is a {@link dev.faultline.report.RunRecord}, built by the run lifecycle.
 */
package dev.faultline.report;
