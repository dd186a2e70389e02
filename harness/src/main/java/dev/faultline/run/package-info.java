/**
 * The lifecycle of one experiment and of a suite. {@link dev.faultline.run.RunSession} is the one
 * lifecycle: it creates the run folder and journal, provisions targets and proxies, sets up the
 * fault switch and the observations, evaluates each check (a check that throws is an ERROR result),
 * tears everything down on every path and makes the one {@link dev.faultline.report.RunRecord}. Two
 * drivers call it: {@link dev.faultline.run.ExperimentRun} puts the declared load on and switches
 * faults on schedule ({@link dev.faultline.run.Suite} runs several, then writes the suite's JUnit
 * XML and history), and the game day ({@code dev.faultline.gameday}) lets a person switch them. The
 * public types here are what those drivers, the CLI and the public API ({@code dev.faultline.api})
 * need; the rest is package-private.
 */
package dev.faultline.run;
