package dev.faultline.load;

import java.time.Duration;

/**
 * Where a load run stands, computed from the outcomes file (flushed by the fork about once a
 * second, so it lags by up to a second). {@code recentRatePerSecond} counts requests that ended in
 * the 2 s window ending 1 s ago. Immutable.
 */
public record LoadProgress(
    long requests,
    long ok,
    long failed,
    long indeterminate,
    double recentRatePerSecond,
    Duration elapsed) {}
