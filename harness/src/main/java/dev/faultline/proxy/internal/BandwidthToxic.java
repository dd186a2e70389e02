package dev.faultline.proxy.internal;

import io.netty.buffer.ByteBuf;

/**
 * {@code bandwidth}: limits the stream to {@code rate} KB/s (1 KB = 1000 bytes, as Toxiproxy); a
 * chunk larger than 100 ms worth of data goes out in 100 ms pieces. {@code rate <= 0} = unlimited.
 */
final class BandwidthToxic extends TimedQueueStage {
  BandwidthToxic(ToxicSpec spec, ToxicLink link) {
    super(spec, link);
  }

  @Override
  void onChunk(ByteBuf data, long timestampNanos) {
    long rate = spec.attribute("rate");
    if (rate <= 0) {
      next.chunk(data, timestampNanos);
      return;
    }
    long pieceLimit = Math.max(1, Math.min(Integer.MAX_VALUE, rate * 100));
    if (data.readableBytes() <= pieceLimit) {
      queue(data, timestampNanos, rate);
      return;
    }
    while (data.readableBytes() > 0) {
      int length = (int) Math.min(pieceLimit, data.readableBytes());
      queue(data.readRetainedSlice(length), timestampNanos, rate);
    }
    data.release();
  }

  private void queue(ByteBuf piece, long timestampNanos, long rate) {
    long transmitNanos = piece.readableBytes() * 1_000_000L / rate;
    releaseAt(piece, timestampNanos, busyUntil(System.nanoTime()) + transmitNanos);
  }
}
