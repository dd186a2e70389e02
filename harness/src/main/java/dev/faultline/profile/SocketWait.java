package dev.faultline.profile;

import java.time.Duration;

/**
 * Time threads spent in socket reads from one remote address within a window, counting only reads
 * above the recording threshold.
 *
 * @param address {@code host:port} as the target saw it
 */
public record SocketWait(
    String address, Duration reading, Duration longest, int reads, int threads) {}
