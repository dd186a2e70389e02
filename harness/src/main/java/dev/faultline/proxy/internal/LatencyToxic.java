package dev.faultline.proxy.internal;

import io.netty.buffer.ByteBuf;

/**
 * {@code latency}: delays every chunk by {@code latency} ms plus a uniform jitter in [-{@code
 * jitter}, {@code jitter}) ms, measured from the chunk's arrival; order is preserved.
 */
final class LatencyToxic extends TimedQueueStage {
  private static final long NANOS_PER_MILLI = 1_000_000L;

  LatencyToxic(ToxicSpec spec, ToxicLink link) {
    super(spec, link);
  }

  @Override
  void onChunk(ByteBuf data, long timestampNanos) {
    long delayMillis = spec.attribute("latency");
    long jitter = spec.attribute("jitter");
    if (jitter > 0) {
      delayMillis += link.random().nextLong(jitter * 2) - jitter;
    }
    releaseAt(data, timestampNanos, timestampNanos + delayMillis * NANOS_PER_MILLI);
  }
}
