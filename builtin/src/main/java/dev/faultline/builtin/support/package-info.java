/**
 * What every service shares: the selection of service and variant at startup (with a failure
 * analyzer that lists the valid choices), simulated work, named daemon threads, JSON errors for bad
 * requests, and the watchdog that exits when the harness that started us is gone.
 */
package dev.faultline.builtin.support;
