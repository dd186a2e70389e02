/**
 * End-to-end tests: real built-in targets, real Gatling forks, real sockets. Slow; each bounded by
 * a timeout.
 */
package dev.faultline.e2e;
