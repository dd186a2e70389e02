package dev.faultline.report;

import java.time.Instant;

/**
 * When a fault was actually on. {@code off} is null if it never switched off before the run ended
 * (the rollback still ran; see the journal).
 */
public record FaultWindow(String name, String kind, String description, Instant on, Instant off) {}
