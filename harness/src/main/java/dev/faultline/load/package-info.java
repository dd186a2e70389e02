/**
 * Load: puts HTTP load on a loopback target with Gatling 3.15 (Java DSL) in a forked JVM and
 * records the outcome of every single request, Jepsen-style (ok, failed, indeterminate).
 *
 * <p>The lifecycle calls {@link dev.faultline.load.GatlingLoad#start} with a validated {@link
 * dev.faultline.load.LoadPlan}, watches {@link dev.faultline.load.LoadRun#progress()} and ends with
 * {@link dev.faultline.load.LoadRun#await} or {@link dev.faultline.load.LoadRun#abort()}.
 *
 * <p>{@link dev.faultline.load.LoadBenchmark} measures that load beside plain Gatling and wrk
 * ({@code faultline bench load}).
 *
 * <p>Four public types exist only because something outside this package instantiates them by name
 * inside the fork: {@link dev.faultline.load.GatlingForkMain} (the fork's main class), {@link
 * dev.faultline.load.GenericSimulation} and {@link dev.faultline.load.PlainSimulation} (loaded by
 * Gatling) and {@link dev.faultline.load.FailureCauseAppender} (loaded by Logback). They are not
 * API.
 */
package dev.faultline.load;
