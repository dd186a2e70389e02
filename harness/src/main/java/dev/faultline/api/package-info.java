/**
 * Faultline's public API, for callers that embed a run: a JUnit 5 test, a Maven plugin.
 *
 * <pre>{@code
 * ExperimentFile file = Faultline.load(Path.of("experiments/counter-locked.yaml"));
 * RunResult result =
 *     Faultline.run(file, RunSettings.reportsIn(Path.of("target/faultline")).withListener(listener));
 * assertThat(result.expectationMet()).isTrue();
 * }</pre>
 *
 * <p>{@link dev.faultline.api.Faultline} loads experiment files (an invalid file throws {@link
 * dev.faultline.experiment.InvalidExperimentException} with the same {@code file:line:column}
 * messages as the CLI) and runs them the way {@code faultline run} does — the same lifecycle, the
 * same reports, journal and JUnit XML. {@link dev.faultline.api.ExperimentFile#withTargetUrl}
 * attaches a target at a URL known only at run time (a service a test started, a container's mapped
 * port) instead of starting it. {@link dev.faultline.api.RunSettings} says where reports go and who
 * listens; {@link dev.faultline.api.RunListener} hears phases, faults and checks as they happen;
 * {@link dev.faultline.api.RunResult} holds the verdict, each check's status and message, and where
 * the reports are. Every other package is Faultline's implementation and may change.
 */
package dev.faultline.api;
