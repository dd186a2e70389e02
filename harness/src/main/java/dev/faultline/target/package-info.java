/**
 * Start, watch and stop what is under test: a built-in target from {@code targets/}, any command
 * or jar as a child process, or an already running service by URL. Every process started here is
 * registered with {@link dev.faultline.process.ChildProcesses} and stopped on every exit path.
 */
package dev.faultline.target;
