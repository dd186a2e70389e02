package dev.faultline.api;

import dev.faultline.check.CheckStatus;

/**
 * What one check concluded.
 *
 * @param name the check's name, as in the experiment file (its kind when the file gives none)
 * @param status passed, failed or error (the check could not be evaluated)
 * @param message one line: what was measured, the bound, what was observed
 */
public record CheckOutcome(String name, CheckStatus status, String message) {}
