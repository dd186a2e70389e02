/**
 * Start, watch and stop what is under test: a built-in target from the {@code builtin/} module, any
 * command or jar as a child process, a container of the run's {@link
 * dev.faultline.container.ContainerSession}, or an already running service by URL. Every process
 * started here is registered with {@link dev.faultline.process.ChildProcesses}, every container
 * with its session, and both are stopped on every exit path. Container targets also implement
 * {@link dev.faultline.launch.ContainerControl} (kill, pause, restart) for worker faults.
 */
package dev.faultline.launch;
