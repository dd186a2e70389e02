/**
 * Child processes of the harness: every process Faultline starts (targets, forked Gatling JVMs)
 * is registered here so that no path — success, failure, Ctrl-C, an exception escaping main —
 * leaves one running.
 */
package dev.faultline.process;
