/**
 * The lifecycle of one experiment and of a suite: provision targets and proxies, put load on them,
 * switch faults on and off on schedule, run the checks, roll every fault back and tear everything
 * down on every path, then hand a {@link dev.faultline.report.RunRecord} to the reports. The
 * journal records what happened when. A game day drives the same lifecycle by hand.
 */
package dev.faultline.run;
