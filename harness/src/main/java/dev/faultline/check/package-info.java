/**
 * Checks: what must hold after (and during) an experiment — counter consistency, timeouts that
 * fire, no thread leak, no deadlock, custom invariants. Every check states what it measured, the
 * bound, what it observed and the evidence; any waiting is bounded polling through Awaitility.
 */
package dev.faultline.check;
