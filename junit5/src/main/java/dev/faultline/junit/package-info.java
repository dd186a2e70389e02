/**
 * Faultline's JUnit 5 extension: a resilience test beside a project's integration tests.
 *
 * <pre>{@code
 * @Test
 * @FaultlineExperiment("src/test/faultline/orders-under-latency.yaml")
 * void ordersHoldUnderLatency() {}
 * }</pre>
 *
 * <p>{@link dev.faultline.junit.FaultlineExperiment} runs an experiment file for a test method, or
 * once for a test class, and fails the test with the verdict sentence and the report's path when it
 * is not met. {@link dev.faultline.junit.FaultlineRuns}, a test parameter, loads and runs
 * experiments in code, for example with a target attached at a URL the test knows only at run time
 * ({@link dev.faultline.api.ExperimentFile#withTargetUrl}). Runs go through Faultline's public API,
 * {@code dev.faultline.api}.
 */
package dev.faultline.junit;
