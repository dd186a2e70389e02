/**
 * The Faultline targets application: small services built on concurrency primitives, each with a
 * correct variant and a buggy twin, one service per JVM. Each subpackage is one service; {@code
 * support} holds what they share (variant selection, simulated work, the parent watchdog). {@link
 * BuiltinCatalog} is the one list of services and their variants, which the build writes for the
 * harness.
 */
package dev.faultline.builtin;
