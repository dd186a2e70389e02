/**
 * Child processes of the harness and its own exit: every process Faultline starts (targets, forked
 * Gatling JVMs) is registered here so that no path — success, failure, Ctrl-C, an exception
 * escaping main — leaves one running or stopped. {@link dev.faultline.process.ExitHooks} installs
 * the shutdown hooks first thing in main; {@link dev.faultline.process.ExitGuardian} covers the one
 * exit no hook sees, a SIGKILL of the harness.
 */
package dev.faultline.process;
