/**
 * Faultline's Maven plugin: goal {@code run} (phase {@code integration-test}) runs a project's
 * experiments through the public API {@code dev.faultline.api} and records each verdict; goal
 * {@code verify} (phase {@code verify}) fails the build for each experiment not met. Split as
 * Failsafe splits its goals, so the targets are torn down and every report is written before the
 * build fails.
 */
package dev.faultline.maven;
