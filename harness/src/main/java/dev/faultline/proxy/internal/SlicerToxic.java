package dev.faultline.proxy.internal;

import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;

/**
 * {@code slicer}: splits each chunk by repeated halving, each split point moved by a random amount
 * up to {@code size_variation}, until pieces are at most {@code average_size}; each piece waits
 * {@code delay} µs before it is sent. Every byte arrives, in order.
 */
final class SlicerToxic extends TimedQueueStage {
  SlicerToxic(ToxicSpec spec, ToxicLink link) {
    super(spec, link);
  }

  @Override
  void onChunk(ByteBuf data, long timestampNanos) {
    long averageSize = spec.attribute("average_size");
    long variation = spec.attribute("size_variation");
    long delayNanos = spec.attribute("delay") * 1_000L;
    int base = data.readerIndex();
    ArrayDeque<int[]> ranges = new ArrayDeque<>();
    ranges.push(new int[] {0, data.readableBytes()});
    while (!ranges.isEmpty()) {
      int[] range = ranges.pop();
      int start = range[0];
      int end = range[1];
      if (end - start < 2 || end - start <= averageSize) {
        if (end > start) {
          ByteBuf piece = data.retainedSlice(base + start, end - start);
          releaseAt(piece, timestampNanos, busyUntil(System.nanoTime()) + delayNanos);
        }
        continue;
      }
      int mid = start + (end - start) / 2;
      if (variation > 0) {
        mid += (int) (link.random().nextLong(variation * 2) - variation);
        mid = Math.max(start + 1, Math.min(end - 1, mid));
      }
      ranges.push(new int[] {mid, end});
      ranges.push(new int[] {start, mid});
    }
    data.release();
  }
}
