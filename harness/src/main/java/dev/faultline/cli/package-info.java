/** The {@code faultline} command line (picocli): run, validate, list, proxy, report, bench. */
package dev.faultline.cli;
